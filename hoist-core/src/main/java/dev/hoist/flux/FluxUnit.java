package dev.hoist.flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One unit of a cluster's Flux layout: the project's app (its manifests artifact), a Helm chart
 * release, or a later phase of one. Option maps hold extra spec fields in Flux's names (values may
 * be {@link Duration}s).
 */
public sealed interface FluxUnit {
  /** The unit's name: the Flux objects' name and its file's name. */
  String name();

  /** Units (of the same cluster) that must be ready first. */
  List<String> dependsOn();

  /**
   * The project's manifests: an OCIRepository and a Kustomization, as {@link FluxObjects#render}
   * writes. One of several Kustomizations of the artifact on a cluster names the shared
   * OCIRepository ({@code sourceName}) and writes it only when {@code writeSource}.
   */
  record App(
      ClusterUnit unit,
      Map<String, Object> source,
      Map<String, Object> kustomization,
      List<String> dependsOn,
      String sourceName,
      boolean writeSource)
      implements FluxUnit {
    public App {
      Objects.requireNonNull(unit, "unit");
      source = Map.copyOf(source);
      kustomization = Map.copyOf(kustomization);
      dependsOn = List.copyOf(dependsOn);
      sourceName = sourceName == null ? unit.name() : sourceName;
    }

    /** The app with its own OCIRepository, named as the Kustomization. */
    public App(
        ClusterUnit unit,
        Map<String, Object> source,
        Map<String, Object> kustomization,
        List<String> dependsOn) {
      this(unit, source, kustomization, dependsOn, null, true);
    }

    /** The same app with other dependencies. */
    App withDependsOn(List<String> deps) {
      return new App(unit, source, kustomization, deps, sourceName, writeSource);
    }

    @Override
    public String name() {
      return unit.name();
    }
  }

  /**
   * A Helm chart: its source (HelmRepository or OCIRepository) and a HelmRelease, wrapped in a
   * Kustomization of the same name so that other units can depend on it being ready.
   *
   * @param interval {@code null} means one minute
   * @param release extra HelmRelease spec fields (values, install, upgrade, ...)
   * @param phases names of {@link Phase} units that add values to this release later
   */
  record Helm(
      String name,
      String namespace,
      Duration interval,
      Chart chart,
      Map<String, Object> release,
      List<String> dependsOn,
      List<String> phases)
      implements FluxUnit {
    public Helm {
      namespace = checkName(name, namespace);
      Objects.requireNonNull(chart, "chart");
      release = Map.copyOf(release);
      dependsOn = List.copyOf(dependsOn);
      phases = List.copyOf(phases);
    }
  }

  /**
   * A later phase of a Helm unit: a ConfigMap of values the release reads (as an optional {@code
   * valuesFrom}) once this unit is applied, which happens only after the units it depends on are
   * ready.
   */
  record Phase(
      String name,
      String namespace,
      Duration interval,
      String releaseNamespace,
      Map<String, Object> values,
      List<String> dependsOn)
      implements FluxUnit {
    public Phase {
      namespace = checkName(name, namespace);
      releaseNamespace = releaseNamespace == null ? namespace : releaseNamespace;
      values = Map.copyOf(values);
      dependsOn = List.copyOf(dependsOn);
    }
  }

  /**
   * Checks a unit's name is a DNS-1123 label; returns the namespace, {@code flux-system} when null.
   */
  private static String checkName(String name, String namespace) {
    java.util.regex.Pattern label =
        java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    if (name == null || !label.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid unit name (a DNS-1123 label): " + name);
    }
    String ns = namespace == null ? ClusterUnit.DEFAULT_NAMESPACE : namespace;
    if (!label.matcher(ns).matches()) {
      throw new IllegalArgumentException("invalid namespace for unit " + name + ": " + ns);
    }
    return ns;
  }

  /** Where a chart comes from. */
  sealed interface Chart {}

  /**
   * A HelmRepository ({@code https://} or {@code oci://}) and a chart name and version range in it.
   */
  record RepositoryChart(
      String url,
      String chart,
      String version,
      String reconcileStrategy,
      Map<String, Object> source)
      implements Chart {
    public RepositoryChart {
      source = Map.copyOf(source);
    }
  }

  /**
   * An OCI artifact that is the chart: an OCIRepository selecting the Helm chart layer, and
   * chartRef.
   */
  record OciChart(String url, RefPolicy ref, Map<String, Object> source) implements Chart {
    public OciChart {
      source = Map.copyOf(source);
    }
  }
}
