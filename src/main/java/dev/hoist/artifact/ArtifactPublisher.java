package dev.hoist.artifact;

import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.util.List;

/** Pushes a packed artifact: config blob, then layer blob, then the manifest under the given tags. */
public final class ArtifactPublisher {

  /** Returns the manifest digest; fails when the repository reports a different digest than computed. */
  public Digest push(Repository repo, PackedArtifact packed, ArtifactMetadata meta, List<String> tags)
      throws IOException {
    Descriptor config = ArtifactManifest.configDescriptor();
    byte[] manifest = ArtifactManifest.json(config, packed.layer(), meta);
    repo.pushBlob(config, ArtifactManifest.configJson());
    repo.pushBlob(packed.layer(), packed.file());
    Digest expected = Digest.sha256(manifest);
    Digest pushed = repo.pushManifest(manifest, MediaTypes.OCI_MANIFEST, tags);
    if (!expected.equals(pushed)) {
      throw new IOException("repository " + repo.name() + " stored the artifact manifest as " + pushed
          + " but its digest is " + expected);
    }
    return pushed;
  }
}
