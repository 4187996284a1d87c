package dev.hoist.flux;

import dev.hoist.oci.Digest;

/**
 * Which artifact an OCIRepository follows: a fixed tag, the newest tag in a semver range, or a
 * digest.
 */
public sealed interface RefPolicy {

  /** Follows one tag, e.g. {@code latest} or {@code v1.2.3}. */
  record Tag(String tag) implements RefPolicy {
    public Tag {
      if (tag == null || tag.isBlank()) {
        throw new IllegalArgumentException("ref tag must not be empty");
      }
    }
  }

  /**
   * Follows the highest tag matching a semver range such as {@code >=1.0.0}; filter is an optional
   * regex.
   */
  record Semver(String range, String filter) implements RefPolicy {
    public Semver {
      if (range == null || range.isBlank()) {
        throw new IllegalArgumentException("ref semver range must not be empty");
      }
      if (filter != null && filter.isBlank()) {
        throw new IllegalArgumentException("ref semverFilter must not be blank when given");
      }
    }
  }

  /** Pins one artifact digest, {@code sha256:<hex>}. */
  record DigestRef(String digest) implements RefPolicy {
    public DigestRef {
      try {
        Digest.parse(digest);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("ref digest is not a digest: " + digest);
      }
    }
  }
}
