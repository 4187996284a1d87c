package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A container without CPU and memory requests. */
final class NoResourceRequests extends BaseRule {
  NoResourceRequests() {
    super(
        "no-resource-requests",
        Severity.WARNING,
        "a container requests no CPU or memory",
        "The scheduler places pods by their requests; without them pods pile onto one node, are"
            + " evicted first under pressure, and an HPA on utilisation has nothing to divide by.",
        "Set resources.requests.cpu and resources.requests.memory to what the container uses at"
            + " rest.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      for (K8s.Container c : K8s.containers(o)) {
        Map<String, Object> requests =
            K8s.map(K8s.map(c.fields().get("resources")).get("requests"));
        List<String> missing = new ArrayList<>();
        for (String r : List.of("cpu", "memory")) {
          if (!requests.containsKey(r)) {
            missing.add(r);
          }
        }
        if (!missing.isEmpty()) {
          out.add(
              overlay.finding(
                  this,
                  o,
                  c.path(),
                  "container " + c.name() + " requests no " + String.join(" and no ", missing)));
        }
      }
    }
    return out;
  }
}
