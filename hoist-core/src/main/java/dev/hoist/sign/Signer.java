package dev.hoist.sign;

import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signs manifests by digest (never a tag) the way cosign does and Flux's {@code
 * OCIRepository.spec.verify} checks, and verifies such signatures with a public key.
 */
public final class Signer {
  private Signer() {}

  /**
   * Adds a signature of {@code digest} in {@code repo} (whose name is the signed {@code
   * docker-reference}); an identical signature already there is kept once. Returns the signature
   * manifest's digest.
   */
  public static Digest sign(Repository repo, Digest digest, SigningKey key) throws IOException {
    byte[] payload = SimpleSigning.payload(repo.name(), digest);
    String signature = key.sign(payload);
    List<Signatures.Layer> layers = new ArrayList<>(Signatures.read(repo, digest));
    Descriptor descriptor =
        new Descriptor(
            SimpleSigning.MEDIA_TYPE,
            Digest.sha256(payload),
            payload.length,
            Map.of(SimpleSigning.SIGNATURE_ANNOTATION, signature));
    layers.add(new Signatures.Layer(descriptor, payload, signature));
    return Signatures.write(repo, digest, layers);
  }

  /**
   * Whether {@code digest} in {@code repo} carries a signature that {@code key} verifies, over a
   * payload naming exactly that digest; empty when it does, else why not.
   */
  public static java.util.Optional<String> verify(Repository repo, Digest digest, PublicKey key)
      throws IOException {
    List<Signatures.Layer> layers = Signatures.read(repo, digest);
    if (layers.isEmpty()) {
      return java.util.Optional.of("no signature (no tag " + SimpleSigning.tag(digest) + ")");
    }
    String why = "no signature verifies with the key";
    for (Signatures.Layer layer : layers) {
      if (!SigningKey.verifies(key, layer.payload(), layer.signature())) {
        continue;
      }
      String text = new String(layer.payload(), java.nio.charset.StandardCharsets.UTF_8);
      if (text.contains("\"docker-manifest-digest\":\"" + digest + "\"")
          && text.contains("\"type\":\"" + SimpleSigning.TYPE + "\"")) {
        return java.util.Optional.empty();
      }
      why = "a signature verifies but its payload names another digest";
    }
    return java.util.Optional.of(why);
  }
}
