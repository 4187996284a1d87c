package dev.hoist.flux;

import dev.hoist.yaml.GoYamlWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Helm unit's objects as {@code flux create source helm|oci … --export} and {@code flux create
 * helmrelease … --export} write them: the chart's source, the HelmRelease ({@code
 * helm.toolkit.fluxcd.io/v2}), and a later phase's ConfigMap of values.
 */
public final class HelmObjects {
  /** The HelmRelease API version. */
  public static final String HELM_API = "helm.toolkit.fluxcd.io/v2";

  /** The media type of a Helm chart layer in an OCI artifact. */
  public static final String CHART_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

  /** The key a phase's values are stored under in its ConfigMap. */
  public static final String VALUES_KEY = "values.yaml";

  private HelmObjects() {}

  /** The source document then the HelmRelease document. */
  public static String render(FluxUnit.Helm unit) {
    return FluxObjects.document(source(unit)) + FluxObjects.document(release(unit));
  }

  static Map<String, Object> source(FluxUnit.Helm unit) {
    if (unit.chart() instanceof FluxUnit.OciChart oci) {
      Map<String, Object> extra = new LinkedHashMap<>(oci.source());
      extra.put("layerSelector", Trees.map("mediaType", CHART_LAYER, "operation", "copy"));
      return FluxObjects.ociRepository(
          unit.name(), unit.namespace(), oci.url(), oci.ref(), unit.interval(), extra);
    }
    FluxUnit.RepositoryChart repo = (FluxUnit.RepositoryChart) unit.chart();
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("interval", interval(unit.interval()));
    if (repo.url().startsWith("oci://")) {
      spec.put("type", "oci");
    }
    spec.put("url", repo.url());
    Trees.merge(spec, repo.source());
    return Trees.object(
        FluxObjects.SOURCE_API, "HelmRepository", unit.name(), unit.namespace(), spec);
  }

  static Map<String, Object> release(FluxUnit.Helm unit) {
    Map<String, Object> spec = new LinkedHashMap<>();
    if (unit.chart() instanceof FluxUnit.RepositoryChart repo) {
      Map<String, Object> chartSpec =
          Trees.map(
              "chart",
              repo.chart(),
              "reconcileStrategy",
              repo.reconcileStrategy() == null ? "ChartVersion" : repo.reconcileStrategy(),
              "sourceRef",
              Trees.map("kind", "HelmRepository", "name", unit.name()),
              "version",
              repo.version());
      spec.put("chart", Trees.map("spec", chartSpec));
    } else {
      spec.put("chartRef", Trees.map("kind", "OCIRepository", "name", unit.name()));
    }
    spec.put("interval", interval(unit.interval()));
    Trees.merge(spec, unit.release());
    if (spec.containsKey("targetNamespace") && !spec.containsKey("storageNamespace")) {
      spec.put("storageNamespace", spec.get("targetNamespace")); // as flux create helmrelease does
    }
    if (!unit.phases().isEmpty()) {
      List<Object> valuesFrom = new ArrayList<>();
      if (spec.get("valuesFrom") instanceof List<?> given) {
        valuesFrom.addAll(given);
      }
      for (String phase : unit.phases()) {
        valuesFrom.add(
            Trees.map(
                "kind", "ConfigMap", "name", phase, "optional", true, "valuesKey", VALUES_KEY));
      }
      spec.put("valuesFrom", valuesFrom);
    }
    return Trees.object(HELM_API, "HelmRelease", unit.name(), unit.namespace(), spec);
  }

  /** A phase's values as a ConfigMap in the release's namespace. */
  public static String render(FluxUnit.Phase phase) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", "v1");
    object.put("data", Trees.map(VALUES_KEY, GoYamlWriter.marshal(Trees.plain(phase.values()))));
    object.put("kind", "ConfigMap");
    // the label makes helm-controller reconcile the release as soon as the values appear
    object.put(
        "metadata",
        Trees.map(
            "labels",
            Trees.map("reconcile.fluxcd.io/watch", "Enabled"),
            "name",
            phase.name(),
            "namespace",
            phase.releaseNamespace()));
    return FluxObjects.document(object);
  }

  static String interval(Duration interval) {
    return GoYamlWriter.goDuration(interval == null ? Duration.ofMinutes(1) : interval);
  }
}
