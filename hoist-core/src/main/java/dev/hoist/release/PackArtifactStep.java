package dev.hoist.release;

import dev.hoist.artifact.ArtifactMetadata;
import dev.hoist.artifact.ArtifactOptions;
import dev.hoist.artifact.ArtifactPacker;
import java.io.IOException;
import java.util.Map;

/**
 * Packs the staged tree as the artifact will be pushed: Flux's ignore rules and hoist's {@code
 * .env} rule applied. The next step checks this very tree, not the working tree.
 */
final class PackArtifactStep implements Step {
  @Override
  public String name() {
    return "artifact";
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    ctx.packed =
        new ArtifactPacker()
            .pack(ctx.staged, new ArtifactOptions(null, false), ctx.work.resolve("artifact.tgz"));
    ctx.packed.warnings().forEach(w -> ctx.progress.say("artifact: warning: " + w));
    ctx.metadata =
        new ArtifactMetadata(
            ctx.revision.source() == null ? "" : ctx.revision.source(),
            ctx.revision.fluxRevision(),
            ctx.revision.commitTime(),
            Map.of());
  }
}
