package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A workload that sets spec.replicas while an HPA scales it. */
final class ReplicasWithAutoscaler extends BaseRule {
  ReplicasWithAutoscaler() {
    super(
        "replicas-with-autoscaler",
        Severity.WARNING,
        "a workload sets replicas while an HPA scales it",
        "Every reconciliation (Flux, kubectl apply) writes spec.replicas back, undoing what the"
            + " HorizontalPodAutoscaler decided: a loaded app drops to the fixed count at each"
            + " sync, then scales up again.",
        "Remove spec.replicas from the workload (and from the overlay's replicas: field); the HPA's"
            + " minReplicas is the floor.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      Object replicas = K8s.map(o.get("spec")).get("replicas");
      if (replicas == null || !K8s.WORKLOADS.contains(K8s.kind(o))) {
        continue;
      }
      List<Map<String, Object>> hpas = Autoscalers.of(overlay, o);
      if (!hpas.isEmpty()) {
        out.add(
            overlay.finding(
                this,
                o,
                List.of("spec", "replicas"),
                "sets replicas: "
                    + replicas
                    + " while HorizontalPodAutoscaler "
                    + K8s.name(hpas.get(0))
                    + " scales it"));
      }
    }
    return out;
  }
}
