package dev.hoist.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code index.json} of an OCI image layout: manifest descriptors, tagged by their {@code
 * org.opencontainers.image.ref.name} annotation. Descriptors written by other tools are kept as
 * they are; hoist's own are written with keys in a fixed order (mediaType, digest, size,
 * annotations).
 */
final class LayoutIndex {
  static final String REF_NAME = "org.opencontainers.image.ref.name";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ObjectNode> manifests;
  private final JsonNode annotations;

  private LayoutIndex(List<ObjectNode> manifests, JsonNode annotations) {
    this.manifests = manifests;
    this.annotations = annotations;
  }

  /** Reads {@code index.json}; a missing file is an empty index. */
  static LayoutIndex read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return new LayoutIndex(new ArrayList<>(), null);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + ": not valid JSON (line " + e.getLocation().getLineNr() + ")");
    }
    if (root == null || !root.isObject() || root.path("schemaVersion").asInt() != 2) {
      throw new IOException(file + ": not an OCI image index (schemaVersion must be 2)");
    }
    List<ObjectNode> manifests = new ArrayList<>();
    for (JsonNode d : root.path("manifests")) {
      if (!d.isObject() || !d.path("digest").isTextual()) {
        throw new IOException(file + ": a manifests entry has no digest");
      }
      manifests.add((ObjectNode) d);
    }
    JsonNode annotations = root.get("annotations");
    return new LayoutIndex(manifests, annotations);
  }

  Optional<ObjectNode> tagged(String tag) {
    return manifests.stream()
        .filter(d -> tag.equals(d.path("annotations").path(REF_NAME).asText(null)))
        .findFirst();
  }

  Optional<ObjectNode> byDigest(Digest digest) {
    return manifests.stream()
        .filter(d -> digest.toString().equals(d.path("digest").asText()))
        .findFirst();
  }

  List<String> tags() {
    return manifests.stream()
        .map(d -> d.path("annotations").path(REF_NAME).asText(null))
        .filter(t -> t != null)
        .sorted()
        .distinct()
        .toList();
  }

  /** Points {@code tag} at a manifest: replaces any descriptor with that tag. */
  void tag(Descriptor manifest, String tag) {
    manifests.removeIf(d -> tag.equals(d.path("annotations").path(REF_NAME).asText(null)));
    ObjectNode d = descriptor(manifest);
    d.putObject("annotations").put(REF_NAME, tag);
    manifests.add(d);
  }

  /** Records an untagged manifest unless some descriptor names it already. */
  void add(Descriptor manifest) {
    if (byDigest(manifest.digest()).isEmpty()) {
      manifests.add(descriptor(manifest));
    }
  }

  private static ObjectNode descriptor(Descriptor manifest) {
    ObjectNode d = JSON.createObjectNode();
    d.put("mediaType", manifest.mediaType());
    d.put("digest", manifest.digest().toString());
    d.put("size", manifest.size());
    return d;
  }

  /** The index as JSON: schemaVersion, mediaType, manifests, then annotations when present. */
  byte[] toBytes() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", MediaTypes.OCI_INDEX);
    ArrayNode list = root.putArray("manifests");
    manifests.forEach(list::add);
    if (annotations != null) {
      root.set("annotations", annotations);
    }
    return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
