package dev.hoist.sign;

import dev.hoist.oci.Digest;
import java.nio.charset.StandardCharsets;

/**
 * cosign's "simple signing" payload: what a signature signs, naming the repository and the manifest
 * digest ({@code application/vnd.dev.cosign.simplesigning.v1+json}), byte for byte as cosign writes
 * it.
 */
final class SimpleSigning {
  static final String MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";
  static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
  static final String TYPE = "cosign container image signature";

  private SimpleSigning() {}

  static byte[] payload(String repository, Digest digest) {
    return ("{\"critical\":{\"identity\":{\"docker-reference\":\""
            + repository
            + "\"},\"image\":{\"docker-manifest-digest\":\""
            + digest
            + "\"},\"type\":\""
            + TYPE
            + "\"},\"optional\":null}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The tag holding the signatures of {@code digest}: {@code sha256-<hex>.sig}. */
  static String tag(Digest digest) {
    return digest.toString().replace(':', '-') + ".sig";
  }
}
