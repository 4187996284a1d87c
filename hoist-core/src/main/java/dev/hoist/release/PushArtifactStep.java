package dev.hoist.release;

import dev.hoist.artifact.ArtifactPublisher;
import dev.hoist.artifact.Publication;
import dev.hoist.config.ProjectConfig;
import dev.hoist.oci.Digest;
import dev.hoist.run.Progress;
import java.io.IOException;
import java.util.List;

/**
 * Publishes the packed and checked artifact with the release tags (its tag plan was checked) and
 * enters it into the ledger.
 */
final class PushArtifactStep {
  private PushArtifactStep() {}

  static ReleaseResult.Artifact run(
      ProjectConfig config,
      PackArtifactStep.Packed packed,
      Publishing publishing,
      List<String> tags,
      Pushed pushed,
      Progress progress)
      throws IOException {
    String path = config.artifactRepository();
    // version tags are immutable and latest only moves forward (see ArtifactPublisher / TagPolicy)
    Publication pub =
        new ArtifactPublisher()
            .publish(
                publishing.repository(path), packed.artifact(), packed.metadata(), tags, false);
    pub.notes().forEach(n -> progress.say("artifact: " + n));
    Digest digest = pub.digest();
    String url = "oci://" + publishing.name(path);
    pushed.add("artifact " + url + "@" + digest);
    progress.say(
        "artifact: "
            + url
            + "@"
            + digest
            + " ("
            + String.join(", ", pub.tags())
            + ")"
            + (pub.unchanged() ? ", already there" : ""));
    return new ReleaseResult.Artifact(config.project(), url, pub.tags(), digest.toString());
  }
}
