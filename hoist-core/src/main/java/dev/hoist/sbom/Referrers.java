package dev.hoist.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * OCI 1.1 referrers: the artifact manifest (with {@code artifactType} and {@code subject}) pushed
 * by digest. A registry with the referrers API indexes it itself; for one without (CNCF
 * distribution 2.8) the referrers tag schema — an image index under the tag {@code sha256-<hex>} of
 * the subject listing its referrers — is kept up to date. Reading asks the API first, then the tag
 * schema.
 */
final class Referrers {
  static final String EMPTY = "application/vnd.oci.empty.v1+json";
  private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Referrers() {}

  static String tag(Digest subject) {
    return subject.toString().replace(':', '-');
  }

  /**
   * Attaches {@code content} of {@code artifactType} to {@code subject}; returns its manifest. A
   * referrer listed already (the same content attached before: same manifest digest) is not stored
   * again, so a release run again writes nothing.
   */
  static Digest attach(Repository repo, Descriptor subject, String artifactType, byte[] content)
      throws IOException {
    Descriptor config = Descriptor.of(EMPTY, EMPTY_JSON);
    Descriptor layer = Descriptor.of(artifactType, content);
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
    manifest.put("artifactType", artifactType);
    descriptor(manifest.putObject("config"), config);
    descriptor(manifest.putArray("layers").addObject(), layer);
    descriptor(manifest.putObject("subject"), subject);
    byte[] bytes = JSON.writeValueAsBytes(manifest);
    Digest digest = Digest.sha256(bytes);
    // the registry's referrers API when it has one, else the tag schema's index of the subject
    Optional<byte[]> api = repo.referrers(subject.digest());
    ObjectNode index = api.isPresent() ? null : tagIndex(repo, subject.digest());
    JsonNode listed = api.isPresent() ? JSON.readTree(api.get()) : index;
    for (JsonNode m : listed.path("manifests")) {
      if (digest.toString().equals(m.path("digest").asText())) {
        return digest; // attached before
      }
    }
    repo.pushBlobs(
        List.of(Repository.Blob.of(config, EMPTY_JSON), Repository.Blob.of(layer, content)));
    repo.pushManifest(bytes, MediaTypes.OCI_MANIFEST, List.of());
    if (api.isPresent()) {
      return digest; // the registry's referrers API lists it now
    }
    ObjectNode entry = ((ArrayNode) index.get("manifests")).addObject();
    entry.put("mediaType", MediaTypes.OCI_MANIFEST);
    entry.put("digest", digest.toString());
    entry.put("size", bytes.length);
    entry.put("artifactType", artifactType);
    repo.pushManifest(
        JSON.writeValueAsBytes(index), MediaTypes.OCI_INDEX, List.of(tag(subject.digest())));
    return digest;
  }

  /** The tag schema's index of {@code subject}'s referrers, empty when there is none yet. */
  private static ObjectNode tagIndex(Repository repo, Digest subject) throws IOException {
    Optional<Digest> existing = repo.resolve(tag(subject));
    if (existing.isPresent()) {
      return (ObjectNode) JSON.readTree(repo.fetchManifest(existing.get().toString()).content());
    }
    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    index.put("mediaType", MediaTypes.OCI_INDEX);
    index.putArray("manifests");
    return index;
  }

  /** The content of the newest referrer of {@code artifactType}, if any. */
  static Optional<byte[]> find(Repository repo, Digest subject, String artifactType)
      throws IOException {
    JsonNode manifests;
    Optional<byte[]> api = repo.referrers(subject);
    if (api.isPresent()) {
      manifests = JSON.readTree(api.get()).path("manifests");
    } else {
      Optional<Digest> index = repo.resolve(tag(subject));
      if (index.isEmpty()) {
        return Optional.empty();
      }
      manifests =
          JSON.readTree(repo.fetchManifest(index.get().toString()).content()).path("manifests");
    }
    for (int i = manifests.size() - 1; i >= 0; i--) {
      if (!artifactType.equals(manifests.get(i).path("artifactType").asText())) {
        continue;
      }
      JsonNode manifest =
          JSON.readTree(repo.fetchManifest(manifests.get(i).path("digest").asText()).content());
      JsonNode layer = manifest.path("layers").get(0);
      Descriptor d =
          new Descriptor(
              layer.path("mediaType").asText(),
              Digest.parse(layer.path("digest").asText()),
              layer.path("size").asLong());
      if (d.size() > 64L * 1024 * 1024) {
        throw new IOException("referrer of " + d.size() + " bytes is too large");
      }
      try (InputStream in = repo.fetchBlob(d)) {
        return Optional.of(in.readAllBytes());
      }
    }
    return Optional.empty();
  }

  private static void descriptor(ObjectNode node, Descriptor d) {
    node.put("mediaType", d.mediaType());
    node.put("digest", d.digest().toString());
    node.put("size", d.size());
  }
}
