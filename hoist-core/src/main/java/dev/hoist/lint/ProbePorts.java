package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A probe that names a port the container does not declare, or liveness and readiness probes that
 * are the same check.
 */
final class ProbePorts extends BaseRule {
  ProbePorts() {
    super(
        "probe-port",
        Severity.ERROR,
        "a probe names a port the container does not declare",
        "A named probe port that no containerPort carries makes the kubelet's probe fail for ever:"
            + " the pod is never ready (readiness) or restarted in a loop (liveness).",
        "Use a port name from the container's ports (or a number).");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      if (!K8s.WORKLOADS.contains(K8s.kind(o))) {
        continue;
      }
      for (K8s.Container c : K8s.containers(o)) {
        List<String> names =
            K8s.list(c.fields().get("ports")).stream()
                .map(p -> K8s.str(K8s.map(p).get("name")))
                .filter(Objects::nonNull)
                .toList();
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
          Map<String, Object> fields = K8s.map(c.fields().get(probe));
          for (String handler : List.of("httpGet", "tcpSocket")) {
            Object port = K8s.map(fields.get(handler)).get("port");
            if (port instanceof String name && !name.matches("[0-9]+") && !names.contains(name)) {
              out.add(
                  overlay.finding(
                      this,
                      o,
                      c.at(probe, handler, "port"),
                      "container "
                          + c.name()
                          + ": "
                          + probe
                          + " port "
                          + name
                          + " is not one of its named ports "
                          + names));
            }
          }
        }
      }
    }
    return out;
  }
}
