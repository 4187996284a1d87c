package dev.hoist.release;

import dev.hoist.artifact.ArtifactManifest;
import dev.hoist.artifact.ArtifactMetadata;
import dev.hoist.artifact.ArtifactOptions;
import dev.hoist.artifact.ArtifactPacker;
import dev.hoist.artifact.PackedArtifact;
import dev.hoist.git.Revision;
import dev.hoist.oci.Digest;
import dev.hoist.run.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Packs the staged tree as the artifact will be pushed: Flux's ignore rules and hoist's {@code
 * .env} rule applied. The next stage checks this very tree, not the working tree.
 */
final class PackArtifactStep {
  private PackArtifactStep() {}

  /**
   * The manifests artifact as it will be pushed.
   *
   * @param artifact the packed layer (the staged tree after the ignore rules)
   * @param metadata what its manifest says besides its layer (source, revision, created)
   */
  record Packed(PackedArtifact artifact, ArtifactMetadata metadata) {
    /** The digest the artifact's manifest will have. */
    Digest digest() {
      return Digest.sha256(
          ArtifactManifest.json(ArtifactManifest.configDescriptor(), artifact.layer(), metadata));
    }
  }

  static Packed run(Path staged, Revision revision, Path work, Progress progress)
      throws IOException {
    PackedArtifact packed =
        new ArtifactPacker()
            .pack(staged, new ArtifactOptions(null, false), work.resolve("artifact.tgz"));
    packed.warnings().forEach(w -> progress.say("artifact: warning: " + w));
    ArtifactMetadata metadata =
        new ArtifactMetadata(
            revision.source() == null ? "" : revision.source(),
            revision.fluxRevision(),
            revision.commitTime(),
            Map.of());
    return new Packed(packed, metadata);
  }
}
