package dev.hoist.config;

import dev.hoist.config.FluxConfig.ChartConfig;
import dev.hoist.config.FluxConfig.ClusterFluxConfig;
import dev.hoist.config.FluxConfig.UnitConfig;
import dev.hoist.yaml.YamlNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads hoist.yaml's {@code units:} and {@code fluxSource:}, and the Flux options of each cluster.
 */
final class FluxConfigReader {
  private FluxConfigReader() {}

  /** The keys of one {@code clusters[]} entry beyond the app's own. */
  static ClusterFluxConfig cluster(Fields f) {
    Fields source = f.child("source");
    Map<String, Object> sourceOptions =
        source == null ? Map.of() : FluxShapes.OCI_SOURCE.read(source);
    FluxSourceReader.checkVerify(source, sourceOptions);
    Fields kustomization = f.child("kustomization");
    Map<String, Object> kOptions =
        kustomization == null ? Map.of() : FluxShapes.KUSTOMIZATION.read(kustomization);
    if (kOptions.containsKey("wait") && kOptions.containsKey("healthChecks")) {
      throw kustomization.error("healthChecks", "give wait or healthChecks, not both");
    }
    return new ClusterFluxConfig(sourceOptions, kOptions, names(f, "dependsOn"), names(f, "units"));
  }

  static FluxConfig read(
      Fields doc,
      String project,
      List<ClusterConfig> clusters,
      Map<String, ClusterFluxConfig> clusterFlux,
      String registry,
      List<dev.hoist.config.ChartConfig> charts) {
    FluxConfig defaults = FluxConfig.empty();
    String kind = defaults.sourceKind();
    String name = defaults.sourceName();
    String path = defaults.path();
    Fields fluxSource = doc.child("fluxSource");
    if (fluxSource != null) {
      kind = fluxSource.string("kind", kind);
      if (!kind.equals("GitRepository")
          && !kind.equals("OCIRepository")
          && !kind.equals("Bucket")) {
        throw fluxSource.error(
            "kind", "'" + kind + "' is not one of GitRepository, OCIRepository, Bucket");
      }
      name = fluxSource.dnsLabel("name", name);
      path = fluxSource.string("path", path);
      fluxSource.finish();
    }
    List<UnitConfig> units = new ArrayList<>();
    List<YamlNode> nodes = doc.list("units");
    for (int i = 0; i < nodes.size(); i++) {
      Fields f = new Fields(doc.file(), "units[" + i + "]", nodes.get(i), doc.lines());
      UnitConfig unit = unit(f, registry, charts);
      if (unit.name().equals(project)
          || units.stream().anyMatch(u -> u.name().equals(unit.name()))) {
        throw f.error(
            "name",
            "duplicate unit '" + unit.name() + "' (the project's app is '" + project + "')");
      }
      units.add(unit);
    }
    FluxConfig flux = new FluxConfig(units, clusterFlux, kind, name, path);
    UnitGraph.check(doc, project, clusters, flux);
    return flux;
  }

  private static UnitConfig unit(
      Fields f, String registry, List<dev.hoist.config.ChartConfig> charts) {
    String name = f.dnsLabel("name", null);
    if (name == null) {
      throw f.error("name", "required");
    }
    String namespace = f.dnsLabel("namespace", ConfigLoader.DEFAULT_NAMESPACE);
    Duration interval = ConfigLoader.duration(f, "interval", null);
    List<String> dependsOn = names(f, "dependsOn");
    String valuesFor = f.dnsLabel("valuesFor", null);
    Fields chartFields = f.child("chart");
    if ((valuesFor == null) == (chartFields == null)) {
      throw f.error("chart", "give chart (a Helm release) or valuesFor (a later phase of one)");
    }
    if (valuesFor != null) {
      YamlNode values = f.node("values");
      if (!(values instanceof YamlNode.Mapping)) {
        throw f.error("values", "a phase needs values (a mapping)");
      }
      Map<String, Object> release = new LinkedHashMap<>();
      release.put("values", Shape.raw(f, values, f.path("values")));
      f.finish();
      return new UnitConfig(name, namespace, interval, dependsOn, null, valuesFor, release);
    }
    ChartConfig chart = FluxSourceReader.chart(chartFields, registry, charts);
    // the HelmRelease keys are read from the unit itself, next to name and chart
    Map<String, Object> release = FluxShapes.HELM_RELEASE.read(f);
    return new UnitConfig(name, namespace, interval, dependsOn, chart, null, release);
  }

  private static List<String> names(Fields f, String key) {
    List<String> out = f.strings(key);
    for (int i = 0; i < out.size(); i++) {
      if (!Fields.DNS_LABEL.matcher(out.get(i)).matches()) {
        throw f.error(key, "'" + out.get(i) + "' is not a unit name (a DNS-1123 label)");
      }
      if (out.subList(0, i).contains(out.get(i))) {
        throw f.error(key, "'" + out.get(i) + "' listed twice");
      }
    }
    return out;
  }
}
