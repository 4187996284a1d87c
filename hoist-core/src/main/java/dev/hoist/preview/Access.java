package dev.hoist.preview;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a developer opens once a preview is up, read back from the cluster: a {@code kubectl
 * port-forward} line per Service (its first port), the node ports of NodePort and LoadBalancer
 * Services, and the hosts of Ingresses.
 */
final class Access {
  private Access() {}

  static List<String> lines(Kube kube, List<Inventory.Entry> objects) {
    List<String> out = new ArrayList<>();
    for (Inventory.Entry o : objects) {
      if (o.kind().equals("Service") && o.apiVersion().equals("v1")) {
        kube.get("v1", "Service", o.namespace(), o.name())
            .ifPresent(s -> service(kube.context(), o, s, out));
      } else if (o.kind().equals("Ingress") && o.apiVersion().startsWith("networking.k8s.io/")) {
        kube.get(o.apiVersion(), "Ingress", o.namespace(), o.name())
            .ifPresent(i -> ingress(o, i, out));
      }
    }
    return out;
  }

  private static void service(
      String context, Inventory.Entry o, GenericKubernetesResource s, List<String> out) {
    Map<String, Object> spec = Workloads.map(s.getAdditionalProperties().get("spec"));
    List<Map<String, Object>> ports = maps(spec.get("ports"));
    if (ports.isEmpty()) {
      return;
    }
    Object port = ports.get(0).get("port");
    out.add(
        "kubectl --context "
            + context
            + (o.namespace() == null ? "" : " -n " + o.namespace())
            + " port-forward service/"
            + o.name()
            + " "
            + port
            + ":"
            + port);
    for (Map<String, Object> p : ports) {
      if (p.get("nodePort") != null) {
        out.add(
            "service/"
                + o.name()
                + ": node port "
                + p.get("nodePort")
                + " -> "
                + p.get("port")
                + " (on the kind node; reachable from this machine only through the cluster's"
                + " extraPortMappings)");
      }
    }
  }

  private static void ingress(Inventory.Entry o, GenericKubernetesResource i, List<String> out) {
    Map<String, Object> spec = Workloads.map(i.getAdditionalProperties().get("spec"));
    for (Map<String, Object> rule : maps(spec.get("rules"))) {
      if (rule.get("host") instanceof String host && !host.isEmpty()) {
        out.add(
            "ingress/"
                + o.name()
                + ": http://"
                + host
                + "/ (served by the cluster's ingress controller, when it has one)");
      }
    }
  }

  private static List<Map<String, Object>> maps(Object list) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (list instanceof List<?> l) {
      l.forEach(e -> out.add(Workloads.map(e)));
    }
    return out;
  }
}
