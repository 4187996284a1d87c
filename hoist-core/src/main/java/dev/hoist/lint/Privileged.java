package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A privileged container, or a pod on the host network. */
final class Privileged extends BaseRule {
  Privileged() {
    super(
        "privileged",
        Severity.ERROR,
        "a container is privileged or the pod uses the host network",
        "A privileged container is root on the node; a pod on the host network sees every"
            + " connection of the node. One compromised app becomes a compromised cluster.",
        "Remove securityContext.privileged and hostNetwork; grant the single capability needed"
            + " (securityContext.capabilities.add) instead.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      if (Boolean.TRUE.equals(K8s.podSpec(o).get("hostNetwork"))) {
        List<Object> path = new ArrayList<>(K8s.podSpecPath(o));
        path.add("hostNetwork");
        out.add(overlay.finding(this, o, path, "the pod uses the host network"));
      }
      for (K8s.Container c : K8s.containers(o)) {
        Map<String, Object> sc = K8s.map(c.fields().get("securityContext"));
        if (Boolean.TRUE.equals(sc.get("privileged"))) {
          out.add(
              overlay.finding(
                  this,
                  o,
                  c.at("securityContext", "privileged"),
                  "container " + c.name() + " is privileged"));
        }
      }
    }
    return out;
  }
}
