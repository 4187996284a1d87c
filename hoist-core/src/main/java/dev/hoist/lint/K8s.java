package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading rendered Kubernetes objects: names, pod templates, containers, labels. */
final class K8s {
  static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod");

  private K8s() {}

  static String kind(Map<String, Object> o) {
    return String.valueOf(o.get("kind"));
  }

  static String name(Map<String, Object> o) {
    return str(map(o.get("metadata")).get("name"));
  }

  static String namespace(Map<String, Object> o) {
    return str(map(o.get("metadata")).get("namespace"));
  }

  static String describe(Map<String, Object> o) {
    String ns = namespace(o);
    return kind(o) + " " + (ns == null ? "" : ns + "/") + name(o);
  }

  static Map<String, Object> annotations(Map<String, Object> o) {
    return map(map(o.get("metadata")).get("annotations"));
  }

  /** The path of the pod spec in a workload ({@code spec.template.spec}, a CronJob's deeper). */
  static List<Object> podSpecPath(Map<String, Object> o) {
    return switch (kind(o)) {
      case "Pod" -> List.of("spec");
      case "CronJob" -> List.of("spec", "jobTemplate", "spec", "template", "spec");
      default -> List.of("spec", "template", "spec");
    };
  }

  /** The pod spec of a workload, or an empty map. */
  static Map<String, Object> podSpec(Map<String, Object> o) {
    if (!WORKLOADS.contains(kind(o))) {
      return Map.of();
    }
    Object at = o;
    for (Object key : podSpecPath(o)) {
      at = map(at).get(key);
    }
    return map(at);
  }

  /** The pod template's labels of a workload (empty for a Pod's own: its metadata's). */
  static Map<String, Object> templateLabels(Map<String, Object> o) {
    if (kind(o).equals("Pod")) {
      return map(map(o.get("metadata")).get("labels"));
    }
    List<Object> path = new ArrayList<>(podSpecPath(o));
    path.set(path.size() - 1, "metadata");
    Object at = o;
    for (Object key : path) {
      at = map(at).get(key);
    }
    return map(map(at).get("labels"));
  }

  /** {@code containers} then {@code initContainers} of a pod spec, with their list names. */
  static List<Container> containers(Map<String, Object> o) {
    List<Container> out = new ArrayList<>();
    Map<String, Object> spec = podSpec(o);
    for (String list : List.of("containers", "initContainers")) {
      List<Object> items = list(spec.get(list));
      for (int i = 0; i < items.size(); i++) {
        List<Object> path = new ArrayList<>(podSpecPath(o));
        path.add(list);
        path.add(i);
        out.add(new Container(map(items.get(i)), list.equals("initContainers"), path));
      }
    }
    return out;
  }

  /** A container, whether it is an init container, and its path in the object. */
  record Container(Map<String, Object> fields, boolean init, List<Object> path) {
    String name() {
      return str(fields.get("name"));
    }

    List<Object> at(Object... more) {
      List<Object> p = new ArrayList<>(path);
      p.addAll(List.of(more));
      return p;
    }
  }

  /**
   * Whether {@code selector} (matchLabels-style) selects {@code labels}; an empty one selects none.
   */
  static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
    if (selector.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, Object> e : selector.entrySet()) {
      if (!String.valueOf(e.getValue()).equals(String.valueOf(labels.get(e.getKey())))) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }

  static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }
}
