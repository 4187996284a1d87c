package dev.hoist.oci;

import java.util.Map;
import java.util.Objects;

/** An OCI content descriptor: media type, digest and size, with optional annotations. */
public record Descriptor(
    String mediaType, Digest digest, long size, Map<String, String> annotations) {
  public Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size);
    }
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  public Descriptor(String mediaType, Digest digest, long size) {
    this(mediaType, digest, size, Map.of());
  }

  /** The descriptor of the given bytes. */
  public static Descriptor of(String mediaType, byte[] content) {
    return new Descriptor(mediaType, Digest.sha256(content), content.length);
  }
}
