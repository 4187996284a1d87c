package dev.hoist.config;

import java.util.List;
import java.util.Map;

/**
 * hoist.yaml's {@code lint:} options.
 *
 * @param disable rule ids not run
 * @param severity rule id to {@code error} or {@code warning}, overriding the rule's own
 * @param production the overlays held to production rules; null for the default (those named {@code
 *     prod} or {@code production}, and those a cluster following versions applies)
 */
public record LintConfig(
    List<String> disable, Map<String, String> severity, List<String> production) {
  public static final LintConfig DEFAULT = new LintConfig(List.of(), Map.of(), null);

  public LintConfig {
    disable = List.copyOf(disable);
    severity = Map.copyOf(severity);
    production = production == null ? null : List.copyOf(production);
  }

  /** Whether {@code overlay} is held to production rules. */
  public boolean production(OverlayConfig overlay, List<ClusterConfig> clusters) {
    if (production != null) {
      return production.contains(overlay.name());
    }
    return new ImagesConfig(null).pins(overlay, clusters);
  }
}
