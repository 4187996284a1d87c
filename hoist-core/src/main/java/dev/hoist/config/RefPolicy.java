package dev.hoist.config;

/**
 * Which artifact version a cluster follows: a fixed tag, or the highest version in a semver range.
 */
public sealed interface RefPolicy {
  record Tag(String tag) implements RefPolicy {}

  /**
   * The highest version in a semver range.
   *
   * @param filter optional regular expression on pre-release parts (Flux's {@code semverFilter})
   */
  record Semver(String range, String filter) implements RefPolicy {}

  /** One artifact, {@code sha256:<hex>}. */
  record Digest(String digest) implements RefPolicy {}
}
