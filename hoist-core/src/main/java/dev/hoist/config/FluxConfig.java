package dev.hoist.config;

import java.util.List;
import java.util.Map;

/**
 * The Flux parts of hoist.yaml beyond the app's clusters: shared units (Helm charts, second phases)
 * and each cluster's extra options. Option maps are Flux-shaped trees (see {@link Shape}).
 *
 * @param units the top-level {@code units:}, in file order
 * @param clusters per cluster name, the options of {@code clusters[]} beyond
 *     name/overlay/ref/interval/timeout
 * @param sourceKind the kind of the source that holds flux/ on the cluster (default GitRepository)
 * @param sourceName its name (default {@code flux-system}, as {@code flux bootstrap} creates it)
 * @param path where flux/ is inside that source (default {@code ./flux})
 */
public record FluxConfig(
    List<UnitConfig> units,
    Map<String, ClusterFluxConfig> clusters,
    String sourceKind,
    String sourceName,
    String path) {
  public FluxConfig {
    units = List.copyOf(units);
    clusters = Map.copyOf(clusters);
  }

  /** No units, no extra options. */
  public static FluxConfig empty() {
    return new FluxConfig(List.of(), Map.of(), "GitRepository", "flux-system", "./flux");
  }

  public ClusterFluxConfig cluster(String name) {
    return clusters.getOrDefault(name, ClusterFluxConfig.NONE);
  }

  /**
   * A cluster's options for the app's OCIRepository and Kustomization, its dependencies and units.
   */
  public record ClusterFluxConfig(
      Map<String, Object> source,
      Map<String, Object> kustomization,
      List<String> dependsOn,
      List<String> units) {
    static final ClusterFluxConfig NONE =
        new ClusterFluxConfig(Map.of(), Map.of(), List.of(), List.of());
  }

  /**
   * A unit: a Helm chart release ({@code chart} set) or a later phase of one ({@code valuesFor}
   * set: extra values applied once the earlier phase is ready).
   *
   * @param release HelmRelease options (Flux field names); for a phase, {@code values} only
   */
  public record UnitConfig(
      String name,
      String namespace,
      java.time.Duration interval,
      List<String> dependsOn,
      ChartConfig chart,
      String valuesFor,
      Map<String, Object> release) {}

  /**
   * Where a chart comes from: a Helm repository ({@code repository} https:// or oci://, {@code
   * chart}, {@code version}), an OCI artifact holding the chart ({@code oci} + {@code ref}), or one
   * of the project's own charts ({@code project}: the chart's name under {@code charts:}, published
   * at {@code oci} with {@code ref} the semver range of {@code version}).
   */
  public record ChartConfig(
      String repository,
      String chart,
      String version,
      String reconcileStrategy,
      String oci,
      RefPolicy ref,
      Map<String, Object> source,
      String project) {}
}
