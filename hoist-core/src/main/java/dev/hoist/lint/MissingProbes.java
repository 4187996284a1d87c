package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A long-running container without a readiness or liveness probe. */
final class MissingProbes extends BaseRule {
  private static final Set<String> LONG_RUNNING = Set.of("Deployment", "StatefulSet", "DaemonSet");

  MissingProbes() {
    super(
        "missing-probes",
        Severity.WARNING,
        "a long-running container has no readiness or liveness probe",
        "Without a readiness probe a pod gets traffic before it can answer, and a rollout proceeds"
            + " over pods that never come up; without a liveness probe a hung process is never"
            + " restarted.",
        "Add readinessProbe and livenessProbe (httpGet on a health endpoint, or tcpSocket) to the"
            + " container.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      if (!LONG_RUNNING.contains(K8s.kind(o))) {
        continue;
      }
      for (K8s.Container c : K8s.containers(o)) {
        if (c.init()) {
          continue;
        }
        List<String> missing = new ArrayList<>();
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
          if (!c.fields().containsKey(probe)) {
            missing.add(probe);
          }
        }
        if (!missing.isEmpty()) {
          out.add(
              overlay.finding(
                  this,
                  o,
                  c.path(),
                  "container " + c.name() + " has no " + String.join(" and no ", missing)));
        }
      }
    }
    return out;
  }
}
