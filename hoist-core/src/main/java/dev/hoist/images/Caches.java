package dev.hoist.images;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where hoist keeps its caches (Jib's base-layer and application-layer cache): outside the work
 * tree, so that a release leaves the checkout as clean as it found it. The system property {@code
 * hoist.cacheDir}, else {@code HOIST_CACHE_DIR}, else {@code $XDG_CACHE_HOME/hoist}, else {@code
 * ~/.cache/hoist}.
 */
public final class Caches {
  private Caches() {}

  public static Path dir(Map<String, String> env) {
    String property = System.getProperty("hoist.cacheDir");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath();
    }
    String explicit = env.get("HOIST_CACHE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).toAbsolutePath();
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "hoist");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "hoist");
  }
}
