package dev.hoist.artifact;

import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes a packed artifact: the layer and config blobs (at the same time where the repository can),
 * then the manifest under the given tags, after the {@link TagPolicy tag rules} were checked
 * (before any upload).
 */
public final class ArtifactPublisher {

  /** {@link #publish} without force; returns the manifest digest. */
  public Digest push(
      Repository repo, PackedArtifact packed, ArtifactMetadata meta, List<String> tags)
      throws IOException {
    return publish(repo, packed, meta, tags, false).digest();
  }

  /**
   * Checks the tag rules, then pushes what is missing. When every tag already names this artifact
   * nothing is sent. Throws {@link TagConflictException} when a version tag names another digest
   * and {@code force} is off; fails when the repository reports a different digest than computed.
   */
  public Publication publish(
      Repository repo,
      PackedArtifact packed,
      ArtifactMetadata meta,
      List<String> tags,
      boolean force)
      throws IOException {
    Descriptor config = ArtifactManifest.configDescriptor();
    byte[] manifest = ArtifactManifest.json(config, packed.layer(), meta);
    Digest expected = Digest.sha256(manifest);
    TagPolicy.Plan plan = TagPolicy.plan(repo, expected, tags, force);
    List<String> named = new ArrayList<>(plan.keep());
    if (plan.put().isEmpty() && !plan.keep().isEmpty()) {
      return new Publication(expected, named, List.of(), plan.notes());
    }
    repo.pushBlobs(
        List.of(
            Repository.Blob.of(config, ArtifactManifest.configJson()),
            Repository.Blob.of(packed.layer(), packed.file())));
    Digest pushed = repo.pushManifest(manifest, MediaTypes.OCI_MANIFEST, plan.put());
    if (!expected.equals(pushed)) {
      throw new IOException(
          "repository "
              + repo.name()
              + " stored the artifact manifest as "
              + pushed
              + " but its digest is "
              + expected);
    }
    named.addAll(plan.put());
    List<String> inOrder = tags.stream().filter(named::contains).distinct().toList();
    return new Publication(
        pushed,
        inOrder,
        plan.put().isEmpty() ? List.of(pushed.toString()) : plan.put(),
        plan.notes());
  }
}
