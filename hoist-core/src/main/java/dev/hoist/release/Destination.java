package dev.hoist.release;

import java.nio.file.Path;

/** Where a release publishes images and the manifests artifact. */
public sealed interface Destination {

  /** A registry, {@code host[:port]/namespace}; {@code insecure} allows plain HTTP. */
  record Registry(String registry, boolean insecure) implements Destination {}

  /**
   * Local OCI image layouts under a directory: {@code <dir>/<app>} per image and {@code
   * <dir>/<artifact repository>} for the manifests; names in overlays and Flux objects stay those
   * of hoist.yaml's registry.
   */
  record Layout(Path dir) implements Destination {}
}
