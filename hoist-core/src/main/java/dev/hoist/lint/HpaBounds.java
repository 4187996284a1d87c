package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An HPA whose minReplicas is above its maxReplicas. */
final class HpaBounds extends BaseRule {
  HpaBounds() {
    super(
        "hpa-bounds",
        Severity.ERROR,
        "an HPA's minReplicas is above its maxReplicas",
        "The API server refuses the autoscaler (minReplicas must not exceed maxReplicas); it"
            + " happens when an overlay raises one bound and not the other.",
        "Raise maxReplicas with minReplicas (patch both in the overlay).");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> hpa : overlay.ofKind("HorizontalPodAutoscaler")) {
      Map<String, Object> spec = K8s.map(hpa.get("spec"));
      Object min = spec.getOrDefault("minReplicas", 1);
      Object max = spec.get("maxReplicas");
      try {
        if (max != null
            && Long.parseLong(String.valueOf(min)) > Long.parseLong(String.valueOf(max))) {
          out.add(
              overlay.finding(
                  this,
                  hpa,
                  List.of("spec", "minReplicas"),
                  "minReplicas " + min + " is above maxReplicas " + max));
        }
      } catch (NumberFormatException e) {
        // not numbers: hoist validate reports the type
      }
    }
    return out;
  }
}
