package dev.hoist.clusters;

import dev.hoist.config.ClusterConfig;
import dev.hoist.config.FluxConfig;
import dev.hoist.config.FluxConfig.ChartConfig;
import dev.hoist.config.FluxConfig.ClusterFluxConfig;
import dev.hoist.config.FluxConfig.UnitConfig;
import dev.hoist.config.KustomizationConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.config.RefPolicy;
import dev.hoist.flux.ClusterLayout;
import dev.hoist.flux.ClusterUnit;
import dev.hoist.flux.FluxUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Turns hoist.yaml's clusters and units into each cluster's Flux files ({@code
 * flux/clusters/<cluster>/…}).
 */
public final class FluxPlan {
  /** The project-relative directory of the cluster layouts. */
  static final String CLUSTERS = "flux/clusters/";

  private FluxPlan() {}

  /**
   * Every file of the given clusters (all when empty), keyed by project-relative path, in cluster
   * order then name order.
   *
   * @param url the manifests artifact, {@code oci://host/namespace/repository}
   */
  public static Map<String, String> render(ProjectConfig config, String url, List<String> only) {
    return render(config, url, only, Map.of());
  }

  /**
   * As {@link #render(ProjectConfig, String, List)}, with the images a tagged release published, by
   * app name, written into the HelmRelease values of the project's own charts; empty keeps the
   * values the files hold.
   */
  public static Map<String, String> render(
      ProjectConfig config, String url, List<String> only, Map<String, ChartImage> released) {
    Map<String, String> files = new LinkedHashMap<>();
    for (ClusterConfig cluster : config.clusters()) {
      if (!only.isEmpty() && !only.contains(cluster.name())) {
        continue;
      }
      FluxConfig flux = config.flux();
      List<FluxUnit> units = new ArrayList<>();
      if (cluster.appliesOneOverlay()) {
        units.add(app(config, cluster, url));
      } else {
        units.addAll(apps(config, cluster, url)); // none in a repository without overlays
      }
      for (String name : flux.cluster(cluster.name()).units()) {
        UnitConfig unit =
            flux.units().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
        Map<String, Object> release = unit.release();
        if (unit.chart() != null && unit.chart().project() != null) {
          Path existing =
              config.root().resolve(CLUSTERS + cluster.name() + "/" + name + "/release.yaml");
          release = ChartImages.values(config, unit.chart().project(), release, released, existing);
        }
        units.add(unit(flux, unit, release, flux.cluster(cluster.name()).units()));
      }
      ClusterLayout.FluxSource source =
          new ClusterLayout.FluxSource(
              flux.sourceKind(), flux.sourceName(), ClusterUnit.DEFAULT_NAMESPACE, flux.path());
      boolean bootstrapped =
          Files.isDirectory(config.root().resolve(CLUSTERS + cluster.name() + "/flux-system"));
      SortedMap<String, String> layout =
          ClusterLayout.render(
              cluster.name(), units, source, bootstrapped ? List.of("flux-system") : List.of());
      layout.forEach((name, content) -> files.put(CLUSTERS + cluster.name() + "/" + name, content));
    }
    return files;
  }

  /**
   * The values Helm renders the chart of {@code unit} (one installing a project chart) with once
   * every phase of it has been applied, when a release publishes {@code released}: the phases'
   * values ConfigMaps ({@code valuesFrom}, in hoist.yaml's order), then the HelmRelease's own
   * {@code values} on top, as Flux merges them.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> helmValues(
      ProjectConfig config, UnitConfig unit, Map<String, ChartImage> released) {
    Map<String, Object> merged = new LinkedHashMap<>();
    for (UnitConfig phase : config.flux().units()) {
      if (unit.name().equals(phase.valuesFor())
          && phase.release().get("values") instanceof Map<?, ?> values) {
        merge(merged, (Map<String, Object>) values);
      }
    }
    Map<String, Object> release =
        ChartImages.values(
            config, unit.chart().project(), unit.release(), released, Path.of("/nonexistent"));
    if (release.get("values") instanceof Map<?, ?> values) {
      merge(merged, (Map<String, Object>) values);
    }
    return merged;
  }

  /** Helm's merge of values: maps merge key by key, anything else replaces. */
  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<String, Object> from) {
    from.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> m && into.get(key) instanceof Map<?, ?> existing) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existing);
            merge(copy, (Map<String, Object>) m);
            into.put(key, copy);
          } else {
            into.put(key, value);
          }
        });
  }

  /**
   * The app's objects as {@code hoist preview --mode flux} applies them for {@code overlay}: those
   * {@code flux generate} writes for the first cluster that applies that overlay alone (its
   * interval, timeout, namespace and source and Kustomization options), else Flux's defaults, with
   * the artifact at {@code url} under {@code tag}, read over plain HTTP ({@code insecure: true}),
   * unsigned (no {@code verify}: a preview artifact is not signed) and depending on nothing (a
   * preview installs none of the cluster's units).
   */
  public static FluxUnit.App preview(ProjectConfig config, String overlay, String url, String tag) {
    String overlayPath =
        "./" + config.overlay(overlay).orElseThrow().dir().toString().replace('\\', '/');
    ClusterConfig cluster =
        config.clusters().stream()
            .filter(c -> c.appliesOneOverlay() && c.overlay().equals(overlay))
            .findFirst()
            .orElse(null);
    ClusterUnit unit =
        new ClusterUnit(
            cluster == null ? "preview" : cluster.name(),
            config.project(),
            cluster == null ? null : cluster.namespace(),
            url,
            new dev.hoist.flux.RefPolicy.Tag(tag),
            cluster == null ? null : cluster.interval(),
            cluster == null ? null : cluster.timeout(),
            overlayPath,
            true,
            true);
    Map<String, Object> source = new LinkedHashMap<>();
    Map<String, Object> kustomization = Map.of();
    if (cluster != null) {
      ClusterFluxConfig options = config.flux().cluster(cluster.name());
      source.putAll(options.source());
      kustomization = options.kustomization();
    }
    source.remove("verify");
    source.put("insecure", true);
    return new FluxUnit.App(unit, source, kustomization, List.of());
  }

  /** The project's own manifests artifact on one cluster. */
  static FluxUnit.App app(ProjectConfig config, ClusterConfig cluster, String url) {
    String overlayPath =
        "./" + config.overlay(cluster.overlay()).orElseThrow().dir().toString().replace('\\', '/');
    ClusterUnit unit =
        new ClusterUnit(
            cluster.name(),
            config.project(),
            cluster.namespace(),
            url,
            ref(cluster.ref()),
            cluster.interval(),
            cluster.timeout(),
            overlayPath,
            true,
            true);
    ClusterFluxConfig options = config.flux().cluster(cluster.name());
    return new FluxUnit.App(
        unit, source(config, options), options.kustomization(), options.dependsOn());
  }

  /**
   * Several Kustomizations of the artifact on one cluster: one OCIRepository named as the project
   * (written with the first), each Kustomization applying its overlay.
   */
  static List<FluxUnit.App> apps(ProjectConfig config, ClusterConfig cluster, String url) {
    List<FluxUnit.App> out = new ArrayList<>();
    ClusterFluxConfig options = config.flux().cluster(cluster.name());
    for (KustomizationConfig k : cluster.kustomizations()) {
      String overlayPath =
          "./" + config.overlay(k.overlay()).orElseThrow().dir().toString().replace('\\', '/');
      ClusterUnit unit =
          new ClusterUnit(
              cluster.name(),
              k.name(),
              cluster.namespace(),
              url,
              ref(cluster.ref()),
              cluster.interval(),
              cluster.timeout(),
              overlayPath,
              true,
              true);
      Map<String, Object> kustomization = new LinkedHashMap<>(options.kustomization());
      if (k.targetNamespace() != null) {
        kustomization.put("targetNamespace", k.targetNamespace());
      }
      List<String> deps = new ArrayList<>(options.dependsOn());
      k.dependsOn().stream().filter(d -> !deps.contains(d)).forEach(deps::add);
      out.add(
          new FluxUnit.App(
              unit, source(config, options), kustomization, deps, config.project(), out.isEmpty()));
    }
    return out;
  }

  private static FluxUnit unit(
      FluxConfig flux, UnitConfig unit, Map<String, Object> release, List<String> onCluster) {
    if (unit.valuesFor() != null) {
      UnitConfig target =
          flux.units().stream()
              .filter(u -> u.name().equals(unit.valuesFor()))
              .findFirst()
              .orElseThrow();
      List<String> deps = new ArrayList<>(unit.dependsOn());
      if (!deps.contains(target.name())) {
        deps.add(target.name());
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> values = (Map<String, Object>) unit.release().get("values");
      return new FluxUnit.Phase(
          unit.name(), unit.namespace(), unit.interval(), target.namespace(), values, deps);
    }
    List<String> phases =
        flux.units().stream()
            .filter(u -> unit.name().equals(u.valuesFor()) && onCluster.contains(u.name()))
            .map(UnitConfig::name)
            .toList();
    ChartConfig chart = unit.chart();
    FluxUnit.Chart source =
        chart.oci() != null
            ? new FluxUnit.OciChart(chart.oci(), ref(chart.ref()), chart.source())
            : new FluxUnit.RepositoryChart(
                chart.repository(),
                chart.chart(),
                chart.version(),
                chart.reconcileStrategy(),
                chart.source());
    return new FluxUnit.Helm(
        unit.name(), unit.namespace(), unit.interval(), source, release, unit.dependsOn(), phases);
  }

  /**
   * The app's OCIRepository options: the cluster's, with cosign verification by hoist.yaml's {@code
   * sign.secretRef} unless the cluster sets its own {@code verify}.
   */
  private static Map<String, Object> source(ProjectConfig config, ClusterFluxConfig options) {
    String secret = config.sign().secretRef();
    if (secret == null || options.source().containsKey("verify")) {
      return options.source();
    }
    Map<String, Object> out = new LinkedHashMap<>(options.source());
    out.put("verify", Map.of("provider", "cosign", "secretRef", Map.of("name", secret)));
    return out;
  }

  static dev.hoist.flux.RefPolicy ref(RefPolicy ref) {
    if (ref instanceof RefPolicy.Tag tag) {
      return new dev.hoist.flux.RefPolicy.Tag(tag.tag());
    }
    if (ref instanceof RefPolicy.Digest digest) {
      return new dev.hoist.flux.RefPolicy.DigestRef(digest.digest());
    }
    RefPolicy.Semver semver = (RefPolicy.Semver) ref;
    return new dev.hoist.flux.RefPolicy.Semver(semver.range(), semver.filter());
  }
}
