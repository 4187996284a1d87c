package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A container that may run as root: no runAsNonRoot and no non-zero runAsUser. */
final class RunsAsRoot extends BaseRule {
  RunsAsRoot() {
    super(
        "runs-as-root",
        Severity.WARNING,
        "a container may run as root",
        "Most images run as root unless told otherwise; a process escaping its container as root"
            + " has far more to work with.",
        "Set securityContext.runAsNonRoot: true (and a runAsUser) on the pod or the container, and"
            + " build the image with a non-root user (hoist.yaml apps[].user).");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      Map<String, Object> pod = K8s.map(K8s.podSpec(o).get("securityContext"));
      for (K8s.Container c : K8s.containers(o)) {
        Map<String, Object> sc = K8s.map(c.fields().get("securityContext"));
        Object nonRoot =
            sc.containsKey("runAsNonRoot") ? sc.get("runAsNonRoot") : pod.get("runAsNonRoot");
        Object user = sc.containsKey("runAsUser") ? sc.get("runAsUser") : pod.get("runAsUser");
        boolean safe =
            Boolean.TRUE.equals(nonRoot) || (user != null && !String.valueOf(user).equals("0"));
        if (!safe || String.valueOf(user).equals("0")) {
          out.add(
              overlay.finding(
                  this,
                  o,
                  c.path(),
                  "container "
                      + c.name()
                      + (String.valueOf(user).equals("0")
                          ? " runs as user 0"
                          : " sets neither runAsNonRoot nor a runAsUser")));
        }
      }
    }
    return out;
  }
}
