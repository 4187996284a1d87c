package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Deployment with one replica and no autoscaler, in a production overlay. */
final class SingleReplica extends BaseRule {
  SingleReplica() {
    super(
        "single-replica-in-production",
        Severity.WARNING,
        "a production Deployment runs a single replica",
        "One replica means downtime at every rollout that fails its probe, every node drain and"
            + " every crash.",
        "Set replicas: 2 or more in the production overlay (with a PodDisruptionBudget), or scale"
            + " it with a HorizontalPodAutoscaler.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    if (!overlay.production()) {
      return out;
    }
    for (Map<String, Object> d : overlay.ofKind("Deployment")) {
      Object replicas = K8s.map(d.get("spec")).get("replicas");
      boolean one = replicas == null || String.valueOf(replicas).equals("1");
      if (one && Autoscalers.of(overlay, d).isEmpty()) {
        out.add(
            overlay.finding(
                this,
                d,
                List.of("spec"),
                "runs "
                    + (replicas == null ? "1 replica (the default)" : "1 replica")
                    + " and no HorizontalPodAutoscaler targets it"));
      }
    }
    return out;
  }
}
