package dev.hoist.release;

import dev.hoist.artifact.ArtifactMetadata;
import dev.hoist.artifact.ArtifactOptions;
import dev.hoist.artifact.ArtifactPacker;
import dev.hoist.artifact.ArtifactPublisher;
import dev.hoist.artifact.PackedArtifact;
import dev.hoist.artifact.Publication;
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
    PackedArtifact packed =
        new ArtifactPacker()
            .pack(ctx.staged, new ArtifactOptions(null, false), ctx.work.resolve("artifact.tgz"));
    packed.warnings().forEach(w -> ctx.progress.say("artifact: warning: " + w));
    ArtifactMetadata metadata =
        new ArtifactMetadata(
            ctx.revision.source() == null ? "" : ctx.revision.source(),
            ctx.revision.fluxRevision(),
            ctx.revision.commitTime(),
            Map.of());
    String path = ctx.config.artifactRepository();
    // version tags are immutable and latest only moves forward (see ArtifactPublisher / TagPolicy)
    Publication pub =
        new ArtifactPublisher()
            .publish(ctx.publishing.repository(path), packed, metadata, ctx.tags, false);
    pub.notes().forEach(n -> ctx.progress.say("artifact: " + n));
    Digest digest = pub.digest();
    String url = "oci://" + ctx.publishing.name(path);
    ctx.artifacts.add(
        new ReleaseResult.Artifact(ctx.config.project(), url, pub.tags(), digest.toString()));
    ctx.progress.say(
        "artifact: "
            + url
            + "@"
            + digest
            + " ("
            + String.join(", ", pub.tags())
            + ")"
            + (pub.unchanged() ? ", already there" : ""));
  }
}
