package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HPA whose target is not in the overlay, or whose target's containers do not request the
 * resource it scales on by utilisation.
 */
final class HpaTarget extends BaseRule {
  HpaTarget() {
    super(
        "hpa-target",
        Severity.ERROR,
        "an HPA targets nothing, or a workload without requests for its metric",
        "An HPA with a missing target does nothing; utilisation is usage divided by the request,"
            + " so without a request the HPA reports an error and never scales.",
        "Point spec.scaleTargetRef at a workload of the overlay, and give every container of it a"
            + " request for the resource the HPA scales on.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> hpa : overlay.ofKind("HorizontalPodAutoscaler")) {
      Map<String, Object> target = Autoscalers.target(overlay, hpa);
      Map<String, Object> ref = K8s.map(K8s.map(hpa.get("spec")).get("scaleTargetRef"));
      if (target == null) {
        out.add(
            overlay.finding(
                this,
                hpa,
                List.of("spec", "scaleTargetRef"),
                "targets "
                    + ref.get("kind")
                    + " "
                    + ref.get("name")
                    + ", which the overlay does not have"));
        continue;
      }
      for (Object m : K8s.list(K8s.map(hpa.get("spec")).get("metrics"))) {
        Map<String, Object> resource = K8s.map(K8s.map(m).get("resource"));
        String name = K8s.str(resource.get("name"));
        if (name == null || !"Utilization".equals(K8s.map(resource.get("target")).get("type"))) {
          continue;
        }
        for (K8s.Container c : K8s.containers(target)) {
          Map<String, Object> requests =
              K8s.map(K8s.map(c.fields().get("resources")).get("requests"));
          if (!c.init() && !requests.containsKey(name)) {
            out.add(
                overlay.finding(
                    this,
                    hpa,
                    List.of("spec", "metrics"),
                    "scales on "
                        + name
                        + " utilisation but container "
                        + c.name()
                        + " of "
                        + K8s.describe(target)
                        + " requests no "
                        + name));
          }
        }
      }
    }
    return out;
  }
}
