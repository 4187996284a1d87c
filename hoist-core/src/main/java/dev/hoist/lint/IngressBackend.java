package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An Ingress backend naming a Service, or a port of it, that the overlay does not have. */
final class IngressBackend extends BaseRule {
  IngressBackend() {
    super(
        "ingress-backend",
        Severity.ERROR,
        "an Ingress routes to a missing Service or port",
        "The controller answers 503 for that path: the Service was renamed (a namePrefix in one"
            + " overlay, a typo) or its port changed, and nothing checks the reference.",
        "Name a Service of the same namespace and one of its ports (number or name) in"
            + " backend.service.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> ingress : overlay.ofKind("Ingress")) {
      Map<String, Object> spec = K8s.map(ingress.get("spec"));
      List<List<Object>> paths = new ArrayList<>();
      if (spec.containsKey("defaultBackend")) {
        paths.add(List.of("spec", "defaultBackend"));
      }
      List<Object> rules = K8s.list(spec.get("rules"));
      for (int r = 0; r < rules.size(); r++) {
        List<Object> http = K8s.list(K8s.map(K8s.map(rules.get(r)).get("http")).get("paths"));
        for (int p = 0; p < http.size(); p++) {
          paths.add(List.of("spec", "rules", r, "http", "paths", p, "backend"));
        }
      }
      for (List<Object> path : paths) {
        Object at = ingress;
        for (Object key : path) {
          at = key instanceof Integer i ? K8s.list(at).get(i) : K8s.map(at).get(key);
        }
        Map<String, Object> backend = K8s.map(K8s.map(at).get("service"));
        if (backend.isEmpty()) {
          continue; // a resource backend
        }
        String problem = problem(overlay, ingress, backend);
        if (problem != null) {
          List<Object> field = new ArrayList<>(path);
          field.add("service");
          out.add(overlay.finding(this, ingress, field, problem));
        }
      }
    }
    return out;
  }

  private static String problem(
      LintedOverlay overlay, Map<String, Object> ingress, Map<String, Object> backend) {
    String name = K8s.str(backend.get("name"));
    Map<String, Object> service =
        overlay.ofKind("Service").stream()
            .filter(s -> Objects.equals(K8s.namespace(s), K8s.namespace(ingress)))
            .filter(s -> Objects.equals(K8s.name(s), name))
            .findFirst()
            .orElse(null);
    if (service == null) {
      return "backend Service " + name + " is not in the overlay";
    }
    Map<String, Object> port = K8s.map(backend.get("port"));
    Object number = port.get("number");
    Object portName = port.get("name");
    List<Object> ports = K8s.list(K8s.map(service.get("spec")).get("ports"));
    boolean found =
        ports.stream()
            .map(K8s::map)
            .anyMatch(
                p ->
                    (number != null && String.valueOf(number).equals(String.valueOf(p.get("port"))))
                        || (portName != null
                            && String.valueOf(portName).equals(K8s.str(p.get("name")))));
    if (!found && (number != null || portName != null)) {
      return "Service " + name + " has no port " + (number != null ? number : portName);
    }
    return null;
  }
}
