package dev.hoist.config;

import dev.hoist.config.FluxConfig.ClusterFluxConfig;
import dev.hoist.config.FluxConfig.UnitConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the ordering between units on every cluster: each name refers to a unit that exists and is
 * on that cluster, and {@code dependsOn} (with a phase's {@code valuesFor}) has no cycle. Errors
 * name file:line and field.
 */
final class UnitGraph {
  private final Fields doc;
  private final String project;
  private final FluxConfig flux;

  private UnitGraph(Fields doc, String project, FluxConfig flux) {
    this.doc = doc;
    this.project = project;
    this.flux = flux;
  }

  static void check(Fields doc, String project, List<ClusterConfig> clusters, FluxConfig flux) {
    UnitGraph graph = new UnitGraph(doc, project, flux);
    for (int u = 0; u < flux.units().size(); u++) {
      UnitConfig unit = flux.units().get(u);
      for (String dep : unit.dependsOn()) {
        graph.known(dep, "units[" + u + "].dependsOn");
      }
      if (unit.valuesFor() != null) {
        UnitConfig target = graph.unit(unit.valuesFor());
        if (target == null || target.chart() == null) {
          throw graph.error(
              "units[" + u + "].valuesFor", "'" + unit.valuesFor() + "' is not a chart unit");
        }
      }
    }
    for (int c = 0; c < clusters.size(); c++) {
      graph.cluster(c, clusters.get(c).name(), clusters.get(c).appliesOneOverlay());
    }
  }

  private void cluster(int index, String name, boolean projectUnit) {
    String field = "clusters[" + index + "]";
    ClusterFluxConfig cluster = flux.cluster(name);
    Map<String, List<String>> edges = new LinkedHashMap<>();
    Map<String, String> fieldOf = new LinkedHashMap<>();
    edges.put(project, cluster.dependsOn());
    fieldOf.put(project, field + ".dependsOn");
    for (String unitName : cluster.units()) {
      UnitConfig unit = known(unitName, field + ".units");
      if (unit == null) {
        throw error(
            field + ".units", "'" + unitName + "' is the project's app, which every cluster has");
      }
      edges.put(unitName, dependencies(unit));
      fieldOf.put(unitName, "units[" + flux.units().indexOf(unit) + "].dependsOn");
    }
    for (Map.Entry<String, List<String>> e : edges.entrySet()) {
      for (String dep : e.getValue()) {
        known(dep, fieldOf.get(e.getKey()));
        if (!projectUnit && dep.equals(project) && !e.getKey().equals(project)) {
          throw error(
              fieldOf.get(e.getKey()),
              "cluster '"
                  + name
                  + "' has no Kustomization named '"
                  + project
                  + "' to depend on (it lists kustomizations, or hoist.yaml no overlays)");
        }
        if (!edges.containsKey(dep)) {
          throw error(
              fieldOf.get(e.getKey()),
              "'"
                  + e.getKey()
                  + "' needs '"
                  + dep
                  + "', which cluster '"
                  + name
                  + "' does not list under units");
        }
      }
    }
    for (String start : edges.keySet()) {
      List<String> path = new ArrayList<>();
      if (cycle(start, edges, path)) {
        throw error(
            fieldOf.get(path.get(0)),
            "dependency cycle on cluster '" + name + "': " + String.join(" -> ", path));
      }
    }
  }

  static List<String> dependencies(UnitConfig unit) {
    List<String> deps = new ArrayList<>(unit.dependsOn());
    if (unit.valuesFor() != null && !deps.contains(unit.valuesFor())) {
      deps.add(unit.valuesFor());
    }
    return deps;
  }

  private static boolean cycle(String node, Map<String, List<String>> edges, List<String> path) {
    int at = path.indexOf(node);
    if (at >= 0) {
      path.subList(0, at).clear();
      path.add(node);
      return true;
    }
    path.add(node);
    for (String dep : edges.getOrDefault(node, List.of())) {
      if (cycle(dep, edges, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    return false;
  }

  private UnitConfig known(String name, String field) {
    if (name.equals(project)) {
      return null;
    }
    UnitConfig unit = unit(name);
    if (unit == null) {
      throw error(
          field,
          "unknown unit '" + name + "' (not under units, and not the project '" + project + "')");
    }
    return unit;
  }

  private UnitConfig unit(String name) {
    return flux.units().stream().filter(u -> u.name().equals(name)).findFirst().orElse(null);
  }

  private ConfigException error(String field, String message) {
    Integer line = doc.lines().get(field);
    return new ConfigException(
        doc.file() + (line == null ? "" : ":" + line) + ": " + field + ": " + message);
  }
}
