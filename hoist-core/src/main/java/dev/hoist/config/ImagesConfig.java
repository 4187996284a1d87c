package dev.hoist.config;

import java.util.List;
import java.util.Locale;

/**
 * hoist.yaml's {@code images:} options for the images the overlays use.
 *
 * @param pinThirdParty pin the images the overlays use by tag (such as {@code neo4j:5}) to their
 *     digests at release time: {@code true} in every overlay, {@code false} in none, null (the
 *     default) in production overlays
 */
public record ImagesConfig(Boolean pinThirdParty) {
  /** The defaults: third-party images pinned in production overlays. */
  public static final ImagesConfig DEFAULT = new ImagesConfig(null);

  /**
   * Whether a release pins the third-party images of {@code overlay}. By default, production
   * overlays: those named {@code prod} or {@code production}, and those a cluster applies that
   * follows versions ({@code ref.semver}).
   */
  public boolean pins(OverlayConfig overlay, List<ClusterConfig> clusters) {
    if (pinThirdParty != null) {
      return pinThirdParty;
    }
    String name = overlay.name().toLowerCase(Locale.ROOT);
    if (name.equals("prod") || name.equals("production")) {
      return true;
    }
    for (ClusterConfig cluster : clusters) {
      boolean applies =
          overlay.name().equals(cluster.overlay())
              || cluster.kustomizations().stream()
                  .anyMatch(k -> k.overlay().equals(overlay.name()));
      if (applies && cluster.ref() instanceof RefPolicy.Semver) {
        return true;
      }
    }
    return false;
  }
}
