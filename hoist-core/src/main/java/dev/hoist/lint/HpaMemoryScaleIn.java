package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HPA scaling on memory utilisation. The desired count is ceil(n·u/t), so from n replicas it
 * scales in only when the average utilisation u ≤ t·(n−1)/n; memory rarely falls when load does,
 * and such an HPA stays at its peak (at n = 5, t = 80 %: u ≤ 64 %).
 */
final class HpaMemoryScaleIn extends BaseRule {
  HpaMemoryScaleIn() {
    super(
        "hpa-memory-scale-in",
        Severity.WARNING,
        "an HPA scales on memory utilisation and may never scale in",
        "The HPA wants ceil(n·u/t) replicas: from n it removes one only when the average memory"
            + " utilisation u is at most t·(n−1)/n. A JVM's heap, caches and pools keep memory after"
            + " load is gone, so the HPA stays at its peak (a team's pods sat at 72 % of the"
            + " request with t = 80 % and never left 5 replicas: 64 % was needed).",
        "Scale on CPU or on a request-rate metric; if memory must stay, size the request so that"
            + " idle usage is below t·min/(min+1) of it, and check the thresholds hoist prints.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> hpa : overlay.ofKind("HorizontalPodAutoscaler")) {
      Map<String, Object> spec = K8s.map(hpa.get("spec"));
      for (Object m : K8s.list(spec.get("metrics"))) {
        Map<String, Object> resource = K8s.map(K8s.map(m).get("resource"));
        Map<String, Object> target = K8s.map(resource.get("target"));
        Object utilisation = target.get("averageUtilization");
        if (!"memory".equals(resource.get("name")) || utilisation == null) {
          continue;
        }
        double t = Double.parseDouble(String.valueOf(utilisation));
        int min =
            spec.get("minReplicas") == null
                ? 1
                : Integer.parseInt(String.valueOf(spec.get("minReplicas")));
        int max = Integer.parseInt(String.valueOf(spec.getOrDefault("maxReplicas", min)));
        out.add(overlay.finding(this, hpa, List.of("spec", "metrics"), message(t, min, max)));
      }
    }
    return out;
  }

  /** The scale-in thresholds for n = min+1 … max, and the idle level that reaches min again. */
  static String message(double t, int min, int max) {
    List<String> steps = new ArrayList<>();
    for (int n = min + 1; n <= max; n++) {
      steps.add(n + ": " + percent(t * (n - 1) / n));
    }
    return "scales on memory utilisation (target "
        + percent(t)
        + "): from n replicas it scales in only when the average is at most "
        + (steps.isEmpty() ? "(min = max: never scales)" : String.join(", ", steps))
        + "; to return to minReplicas "
        + min
        + ", idle memory must stay below "
        + percent(t * min / (min + 1))
        + " of the request";
  }

  static String percent(double value) {
    String s = String.format(Locale.ROOT, "%.1f", value);
    return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
  }
}
