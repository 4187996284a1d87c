package dev.hoist.release;

import dev.hoist.artifact.ArtifactMetadata;
import dev.hoist.artifact.ArtifactPublisher;
import dev.hoist.artifact.PackedArtifact;
import dev.hoist.artifact.Publication;
import dev.hoist.oci.Digest;
import java.io.IOException;

/** Publishes the packed and checked artifact with the release tags (its tag plan was checked). */
final class PushArtifactStep implements Step {
  @Override
  public String name() {
    return "artifact";
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    PackedArtifact packed = ctx.packed;
    ArtifactMetadata metadata = ctx.metadata;
    String path = ctx.config.artifactRepository();
    // version tags are immutable and latest only moves forward (see ArtifactPublisher / TagPolicy)
    Publication pub =
        new ArtifactPublisher()
            .publish(ctx.publishing.repository(path), packed, metadata, ctx.tags, false);
    pub.notes().forEach(n -> ctx.progress.say("artifact: " + n));
    Digest digest = pub.digest();
    String url = "oci://" + ctx.publishing.name(path);
    ctx.pushed.add("artifact " + url + "@" + digest);
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
