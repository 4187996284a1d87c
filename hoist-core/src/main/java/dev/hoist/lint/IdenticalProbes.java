package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A container whose liveness probe is its readiness probe. */
final class IdenticalProbes extends BaseRule {
  IdenticalProbes() {
    super(
        "identical-probes",
        Severity.WARNING,
        "a container's liveness probe is the same check as its readiness probe",
        "When the check fails because a dependency is slow, the pod is taken out of the Service"
            + " (right) and restarted too (wrong): every replica restarts at once and the outage"
            + " grows.",
        "Point liveness at a check of the process alone (/livez) and readiness at one that"
            + " includes its dependencies (/readyz), or give liveness a higher failureThreshold.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      if (!K8s.WORKLOADS.contains(K8s.kind(o))) {
        continue;
      }
      for (K8s.Container c : K8s.containers(o)) {
        Object liveness = c.fields().get("livenessProbe");
        if (liveness != null && liveness.equals(c.fields().get("readinessProbe"))) {
          out.add(
              overlay.finding(
                  this,
                  o,
                  c.at("livenessProbe"),
                  "container " + c.name() + ": livenessProbe is the same as readinessProbe"));
        }
      }
    }
    return out;
  }
}
