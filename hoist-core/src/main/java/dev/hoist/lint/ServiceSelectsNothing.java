package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Service whose selector matches no pod template of the overlay. */
final class ServiceSelectsNothing extends BaseRule {
  ServiceSelectsNothing() {
    super(
        "service-selects-nothing",
        Severity.ERROR,
        "a Service selects no pods of the overlay",
        "A Service whose selector matches no pod has no endpoints: every request to it fails,"
            + " typically after a label was renamed in one place only.",
        "Make the Service's spec.selector match the labels of the pod template it fronts.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> service : overlay.ofKind("Service")) {
      Map<String, Object> selector = K8s.map(K8s.map(service.get("spec")).get("selector"));
      if (selector.isEmpty()) {
        continue; // headless or external: endpoints are managed elsewhere
      }
      boolean any =
          overlay.objects().stream()
              .filter(o -> K8s.WORKLOADS.contains(K8s.kind(o)))
              .filter(o -> java.util.Objects.equals(K8s.namespace(o), K8s.namespace(service)))
              .anyMatch(o -> K8s.selects(selector, K8s.templateLabels(o)));
      if (!any) {
        out.add(
            overlay.finding(
                this,
                service,
                List.of("spec", "selector"),
                "selector " + selector + " matches no pod template in the overlay"));
      }
    }
    return out;
  }
}
