package dev.hoist.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The image an application image is built on: {@code scratch}, a registry reference (optionally
 * pinned with {@code @sha256:...}), or {@code tar:/path/to/image.tar}, a docker-format image
 * tarball (as written by {@code docker save} or Jib). Scratch and tar bases never touch the
 * network.
 *
 * @param kind which kind of base
 * @param reference the registry reference, for {@link Kind#REGISTRY}; else null
 * @param tar the tarball, for {@link Kind#TAR}; else null
 * @param insecure for a registry base: pull over plain HTTP or unverified TLS
 */
public record BaseImage(Kind kind, String reference, Path tar, boolean insecure) {

  /** The kinds of base image. */
  public enum Kind {
    SCRATCH,
    REGISTRY,
    TAR
  }

  private static final String TAR_PREFIX = "tar:";

  public BaseImage {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.REGISTRY) != (reference != null) || (kind == Kind.TAR) != (tar != null)) {
      throw new IllegalArgumentException(
          "base image " + kind + " with reference " + reference + " and tar " + tar);
    }
    if (insecure && kind != Kind.REGISTRY) {
      throw new IllegalArgumentException("base image " + kind + " cannot be insecure");
    }
  }

  public BaseImage(Kind kind, String reference, Path tar) {
    this(kind, reference, tar, false);
  }

  /** This registry base, pulled over plain HTTP or unverified TLS when {@code insecure}. */
  public BaseImage withInsecure(boolean insecure) {
    return new BaseImage(kind, reference, tar, insecure);
  }

  public static BaseImage scratch() {
    return new BaseImage(Kind.SCRATCH, null, null);
  }

  /**
   * Parses {@code scratch}, {@code tar:<path>} or a registry reference such as {@code
   * registry.example/java:17@sha256:<hex>}; throws {@link IllegalArgumentException} naming the
   * value.
   */
  public static BaseImage parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("base image is empty");
    }
    String trimmed = value.strip();
    if (trimmed.equals("scratch")) {
      return scratch();
    }
    if (trimmed.startsWith(TAR_PREFIX)) {
      String path = trimmed.substring(TAR_PREFIX.length());
      if (path.isEmpty()) {
        throw new IllegalArgumentException("base image tar path is empty: " + value);
      }
      return new BaseImage(Kind.TAR, null, Path.of(path));
    }
    try {
      ImageReference.parse(trimmed);
    } catch (InvalidImageReferenceException e) {
      throw new IllegalArgumentException("invalid base image reference: " + value);
    }
    return new BaseImage(Kind.REGISTRY, trimmed, null);
  }

  /** True for a registry reference pinned by digest. */
  public boolean pinned() {
    return kind == Kind.REGISTRY && reference.contains("@sha256:");
  }

  /** The form {@link #parse} reads. */
  @Override
  public String toString() {
    return switch (kind) {
      case SCRATCH -> "scratch";
      case REGISTRY -> reference;
      case TAR -> TAR_PREFIX + tar;
    };
  }
}
