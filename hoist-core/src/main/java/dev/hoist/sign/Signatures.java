package dev.hoist.sign;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * cosign's signature manifest: an OCI image manifest under the tag {@code sha256-<hex>.sig} of the
 * signed manifest's repository, one layer per signature (the simple-signing payload, its base64
 * ECDSA signature in the layer annotation {@code dev.cosignproject.cosign/signature}), and a config
 * whose {@code rootfs.diff_ids} name the layers. Signing again adds a layer, as cosign does.
 */
final class Signatures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Signatures() {}

  /** A signature layer: its payload and base64 signature. */
  @SuppressWarnings("ArrayRecordComponent") // carries bytes; never compared or hashed
  record Layer(Descriptor descriptor, byte[] payload, String signature) {}

  /** The signature layers stored for {@code digest} (empty when it is unsigned). */
  static List<Layer> read(Repository repo, Digest digest) throws IOException {
    Optional<Digest> sig = repo.resolve(SimpleSigning.tag(digest));
    if (sig.isEmpty()) {
      return List.of();
    }
    JsonNode manifest = JSON.readTree(repo.fetchManifest(sig.get().toString()).content());
    List<Layer> layers = new ArrayList<>();
    for (JsonNode layer : manifest.path("layers")) {
      Descriptor d =
          new Descriptor(
              layer.path("mediaType").asText(),
              Digest.parse(layer.path("digest").asText()),
              layer.path("size").asLong(),
              Map.of(
                  SimpleSigning.SIGNATURE_ANNOTATION,
                  layer.path("annotations").path(SimpleSigning.SIGNATURE_ANNOTATION).asText("")));
      if (d.size() > 1024 * 1024) {
        throw new IOException("signature payload of " + d.size() + " bytes is too large");
      }
      byte[] payload;
      try (InputStream in = repo.fetchBlob(d)) {
        payload = in.readAllBytes();
      }
      layers.add(new Layer(d, payload, d.annotations().get(SimpleSigning.SIGNATURE_ANNOTATION)));
    }
    return layers;
  }

  /** Stores {@code layers} as the signature manifest of {@code digest}: blobs, then manifest. */
  static Digest write(Repository repo, Digest digest, List<Layer> layers) throws IOException {
    ObjectNode config = JSON.createObjectNode();
    config.put("architecture", "");
    config.put("created", "0001-01-01T00:00:00Z");
    config.putArray("history").addObject().put("created", "0001-01-01T00:00:00Z");
    config.put("os", "");
    ObjectNode rootfs = config.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode diffIds = rootfs.putArray("diff_ids");
    layers.forEach(l -> diffIds.add(l.descriptor().digest().toString()));
    config.putObject("config");
    byte[] configBytes = JSON.writeValueAsBytes(config);
    Descriptor configDescriptor = Descriptor.of(MediaTypes.OCI_CONFIG, configBytes);
    List<Repository.Blob> blobs = new ArrayList<>();
    for (Layer l : layers) {
      blobs.add(Repository.Blob.of(l.descriptor(), l.payload()));
    }
    blobs.add(Repository.Blob.of(configDescriptor, configBytes));
    repo.pushBlobs(blobs);
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
    descriptor(manifest.putObject("config"), configDescriptor);
    ArrayNode array = manifest.putArray("layers");
    for (Layer l : layers) {
      ObjectNode node = array.addObject();
      descriptor(node, l.descriptor());
      node.putObject("annotations").put(SimpleSigning.SIGNATURE_ANNOTATION, l.signature());
    }
    return repo.pushManifest(
        JSON.writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8),
        MediaTypes.OCI_MANIFEST,
        List.of(SimpleSigning.tag(digest)));
  }

  private static void descriptor(ObjectNode node, Descriptor d) {
    node.put("mediaType", d.mediaType());
    node.put("size", d.size());
    node.put("digest", d.digest().toString());
  }
}
