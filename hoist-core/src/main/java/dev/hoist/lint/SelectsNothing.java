package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A ServiceMonitor selecting no Service, or a NetworkPolicy selecting no pods, of the overlay. */
final class SelectsNothing extends BaseRule {
  SelectsNothing() {
    super(
        "selects-nothing",
        Severity.WARNING,
        "a ServiceMonitor or NetworkPolicy selects nothing in the overlay",
        "A ServiceMonitor that matches no Service scrapes nothing (the dashboards go quiet, the"
            + " alerts never fire); a NetworkPolicy whose podSelector matches no pod protects"
            + " nothing. Both follow labels that were renamed elsewhere.",
        "Make spec.selector (ServiceMonitor) match the Service's labels and spec.podSelector"
            + " (NetworkPolicy) the pod template's labels; an empty podSelector means every pod.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> monitor : overlay.ofKind("ServiceMonitor")) {
      Map<String, Object> labels =
          K8s.map(K8s.map(K8s.map(monitor.get("spec")).get("selector")).get("matchLabels"));
      boolean any =
          overlay.ofKind("Service").stream()
              .anyMatch(
                  s -> K8s.selects(labels, K8s.map(K8s.map(s.get("metadata")).get("labels"))));
      if (!labels.isEmpty() && !any) {
        out.add(
            overlay.finding(
                this,
                monitor,
                List.of("spec", "selector"),
                "selector " + labels + " matches no Service of the overlay"));
      }
    }
    for (Map<String, Object> policy : overlay.ofKind("NetworkPolicy")) {
      Map<String, Object> labels =
          K8s.map(K8s.map(K8s.map(policy.get("spec")).get("podSelector")).get("matchLabels"));
      if (labels.isEmpty()) {
        continue; // every pod of the namespace
      }
      boolean any =
          overlay.objects().stream()
              .filter(o -> K8s.WORKLOADS.contains(K8s.kind(o)))
              .filter(o -> Objects.equals(K8s.namespace(o), K8s.namespace(policy)))
              .anyMatch(o -> K8s.selects(labels, K8s.templateLabels(o)));
      if (!any) {
        out.add(
            overlay.finding(
                this,
                policy,
                List.of("spec", "podSelector"),
                "podSelector " + labels + " matches no pod template of the overlay"));
      }
    }
    return out;
  }
}
