package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A replicated production workload without a PodDisruptionBudget. */
final class NoDisruptionBudget extends BaseRule {
  NoDisruptionBudget() {
    super(
        "no-disruption-budget",
        Severity.WARNING,
        "a replicated production workload has no PodDisruptionBudget",
        "Without a PodDisruptionBudget a node drain (a cluster upgrade) may evict every replica at"
            + " once: the replicas protect against crashes, not against maintenance.",
        "Add a PodDisruptionBudget whose selector matches the pod template, e.g. maxUnavailable: 1.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    if (!overlay.production()) {
      return out;
    }
    for (Map<String, Object> o : overlay.objects()) {
      String kind = K8s.kind(o);
      if (!kind.equals("Deployment") && !kind.equals("StatefulSet")) {
        continue;
      }
      Object replicas = K8s.map(o.get("spec")).get("replicas");
      boolean replicated =
          !Autoscalers.of(overlay, o).isEmpty()
              || (replicas != null && !String.valueOf(replicas).matches("[01]"));
      if (!replicated) {
        continue;
      }
      Map<String, Object> labels = K8s.templateLabels(o);
      boolean covered =
          overlay.ofKind("PodDisruptionBudget").stream()
              .filter(p -> Objects.equals(K8s.namespace(p), K8s.namespace(o)))
              .anyMatch(
                  p ->
                      K8s.selects(
                          K8s.map(
                              K8s.map(K8s.map(p.get("spec")).get("selector")).get("matchLabels")),
                          labels));
      if (!covered) {
        out.add(
            overlay.finding(
                this,
                o,
                List.of("spec"),
                "runs "
                    + (replicas == null ? "autoscaled" : replicas)
                    + " replicas and no PodDisruptionBudget selects its pods"));
      }
    }
    return out;
  }
}
