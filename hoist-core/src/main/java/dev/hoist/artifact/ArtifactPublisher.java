package dev.hoist.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pushes a packed artifact: the layer and config blobs (at the same time where the repository can),
 * then the manifest under the given tags, after the {@link TagPolicy tag rules} were checked
 * (before any upload).
 */
public final class ArtifactPublisher {

  /**
   * The manifest a version tag of {@code tags} names when it differs from ours only in the {@code
   * created} annotation (the same tree pushed again, outside a checkout or from another commit
   * time).
   */
  private static Optional<Repository.Manifest> sameContent(
      Repository repo, List<String> tags, Digest ours, byte[] manifest) throws IOException {
    for (String tag : tags) {
      if (TagPolicy.version(tag).isEmpty()) {
        continue;
      }
      Optional<Digest> current = repo.resolve(tag);
      if (current.isEmpty() || current.get().equals(ours)) {
        return Optional.empty();
      }
      Repository.Manifest theirs = repo.fetchManifest(current.get().toString());
      return withoutCreated(theirs.content()).equals(withoutCreated(manifest))
          ? Optional.of(theirs)
          : Optional.empty();
    }
    return Optional.empty();
  }

  private static JsonNode withoutCreated(byte[] manifest) throws IOException {
    JsonNode json = JSON.readTree(manifest);
    if (json.path("annotations") instanceof ObjectNode annotations) {
      annotations.remove(ArtifactMetadata.CREATED);
    }
    return json;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

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
    List<String> notes = new ArrayList<>();
    TagPolicy.Plan found;
    try {
      found = TagPolicy.plan(repo, expected, tags, force);
    } catch (TagConflictException conflict) {
      // only then (no extra request otherwise): is it this very content, pushed at another time?
      Optional<Repository.Manifest> same = sameContent(repo, tags, expected, manifest);
      if (same.isEmpty()) {
        throw conflict;
      }
      manifest = same.get().content();
      expected = same.get().digest();
      notes.add(
          "the same content is at "
              + repo.name()
              + " as "
              + expected
              + " (only "
              + ArtifactMetadata.CREATED
              + " differs): kept");
      found = TagPolicy.plan(repo, expected, tags, force);
    }
    notes.addAll(found.notes());
    TagPolicy.Plan plan = new TagPolicy.Plan(found.keep(), found.put(), notes);
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
