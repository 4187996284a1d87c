package dev.hoist.config;

import dev.hoist.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and checks {@code clusters[].kustomizations}: several Kustomizations of the artifact. */
final class KustomizationsReader {
  private KustomizationsReader() {}

  /** A dependency cycle among a cluster's Kustomizations ("a -> b -> a"), or null. */
  private static String cycle(List<KustomizationConfig> kustomizations) {
    Map<String, List<String>> edges = new LinkedHashMap<>();
    kustomizations.forEach(k -> edges.put(k.name(), k.dependsOn()));
    for (String start : edges.keySet()) {
      List<String> path = new ArrayList<>(List.of(start));
      if (cycleFrom(start, edges, path)) {
        return String.join(" -> ", path);
      }
    }
    return null;
  }

  private static boolean cycleFrom(
      String node, Map<String, List<String>> edges, List<String> path) {
    for (String dep : edges.getOrDefault(node, List.of())) {
      if (dep.equals(path.get(0))) {
        path.add(dep);
        return true;
      }
      if (edges.containsKey(dep) && !path.contains(dep)) {
        path.add(dep);
        if (cycleFrom(dep, edges, path)) {
          return true;
        }
        path.remove(path.size() - 1);
      }
    }
    return false;
  }

  /** The cluster's {@code kustomizations} list, each entry checked on its own. */
  static List<KustomizationConfig> read(Fields cluster, List<OverlayConfig> overlays) {
    List<KustomizationConfig> out = new ArrayList<>();
    List<YamlNode> nodes = cluster.list("kustomizations");
    for (int k = 0; k < nodes.size(); k++) {
      Fields f =
          new Fields(
              cluster.file(),
              cluster.path("kustomizations") + "[" + k + "]",
              nodes.get(k),
              cluster.lines());
      String name = f.dnsLabel("name", null);
      if (name == null) {
        throw f.error("name", "required");
      }
      String overlay = f.required("overlay");
      if (overlays.stream().noneMatch(o -> o.name().equals(overlay))) {
        throw f.error("overlay", "unknown overlay '" + overlay + "' (not listed under overlays)");
      }
      List<String> dependsOn = f.strings("dependsOn");
      String targetNamespace = f.dnsLabel("targetNamespace", null);
      f.finish();
      if (out.stream().anyMatch(o -> o.name().equals(name))) {
        throw f.error("name", "duplicate kustomization '" + name + "'");
      }
      out.add(new KustomizationConfig(name, overlay, dependsOn, targetNamespace));
    }
    return out;
  }

  /**
   * Checks the list against the cluster: names differ from its units, every {@code dependsOn} names
   * a Kustomization of the list or a unit of the cluster, and there is no cycle.
   */
  static void check(Fields f, List<KustomizationConfig> kustomizations, List<String> units) {
    List<String> names = kustomizations.stream().map(KustomizationConfig::name).toList();
    for (int k = 0; k < kustomizations.size(); k++) {
      if (units.contains(names.get(k))) {
        throw f.error(
            "kustomizations[" + k + "].name",
            "'" + names.get(k) + "' is also a unit of the cluster (give it another name)");
      }
      for (String dep : kustomizations.get(k).dependsOn()) {
        if (!names.contains(dep) && !units.contains(dep)) {
          throw f.error(
              "kustomizations[" + k + "].dependsOn",
              "unknown '"
                  + dep
                  + "' (neither a kustomization of this list nor a unit of the cluster)");
        }
      }
    }
    String cycle = cycle(kustomizations);
    if (cycle != null) {
      throw f.error("kustomizations", "dependency cycle: " + cycle);
    }
  }
}
