package dev.hoist.release;

import dev.hoist.artifact.ArtifactMetadata;
import dev.hoist.artifact.ArtifactOptions;
import dev.hoist.artifact.ArtifactPacker;
import dev.hoist.artifact.ArtifactPublisher;
import dev.hoist.artifact.PackedArtifact;
import dev.hoist.oci.Digest;
import java.io.IOException;
import java.util.Map;

/** Packs the staged tree as a Flux OCI artifact and publishes it with the release tags. */
final class PushArtifactStep implements Step {
  @Override
  public String name() {
    return "artifact";
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    PackedArtifact packed = new ArtifactPacker().pack(ctx.staged, new ArtifactOptions(null, false),
        ctx.work.resolve("artifact.tgz"));
    packed.warnings().forEach(w -> ctx.progress.say("artifact: warning: " + w));
    ArtifactMetadata metadata = new ArtifactMetadata(ctx.revision.source() == null ? "" : ctx.revision.source(),
        ctx.revision.fluxRevision(), ctx.revision.commitTime(), Map.of());
    String path = ctx.config.artifactRepository();
    Digest digest = new ArtifactPublisher().push(ctx.publishing.repository(path), packed, metadata, ctx.tags);
    String url = "oci://" + ctx.publishing.name(path);
    ctx.artifacts.add(new ReleaseResult.Artifact(ctx.config.project(), url, ctx.tags, digest.toString()));
    ctx.progress.say("artifact: " + url + "@" + digest + " (" + String.join(", ", ctx.tags) + ")");
  }
}
