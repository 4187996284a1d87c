package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A Service targetPort name that no container of the selected pods declares. */
final class ServiceTargetPort extends BaseRule {
  ServiceTargetPort() {
    super(
        "service-target-port",
        Severity.ERROR,
        "a Service's targetPort names a port its pods do not declare",
        "The endpoints controller finds no such port on the pods: the Service has no endpoints"
            + " for that port and every connection to it is refused.",
        "Use a containerPort name of the selected pods (or the port number).");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> service : overlay.ofKind("Service")) {
      Map<String, Object> spec = K8s.map(service.get("spec"));
      Map<String, Object> selector = K8s.map(spec.get("selector"));
      List<Map<String, Object>> pods =
          overlay.objects().stream()
              .filter(o -> K8s.WORKLOADS.contains(K8s.kind(o)))
              .filter(o -> Objects.equals(K8s.namespace(o), K8s.namespace(service)))
              .filter(o -> K8s.selects(selector, K8s.templateLabels(o)))
              .toList();
      if (pods.isEmpty()) {
        continue; // service-selects-nothing says so
      }
      List<Object> ports = K8s.list(spec.get("ports"));
      for (int i = 0; i < ports.size(); i++) {
        Object target = K8s.map(ports.get(i)).get("targetPort");
        if (!(target instanceof String name) || name.matches("[0-9]+")) {
          continue;
        }
        boolean declared =
            pods.stream()
                .flatMap(p -> K8s.containers(p).stream())
                .flatMap(c -> K8s.list(c.fields().get("ports")).stream())
                .anyMatch(p -> name.equals(K8s.str(K8s.map(p).get("name"))));
        if (!declared) {
          out.add(
              overlay.finding(
                  this,
                  service,
                  List.of("spec", "ports", i, "targetPort"),
                  "targetPort " + name + " is not a named port of the pods it selects"));
        }
      }
    }
    return out;
  }
}
