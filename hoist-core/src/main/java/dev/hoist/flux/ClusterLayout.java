package dev.hoist.flux;

import dev.hoist.yaml.GoYamlWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of one cluster's directory ({@code flux/clusters/<cluster>/}, {@code flux bootstrap}'s
 * {@code clusters/<name>} convention): one {@code <unit>.yaml} per unit and a {@code
 * kustomization.yaml} listing them. A Helm unit or phase is a Kustomization of the same name over
 * its own subdirectory (holding the source and HelmRelease, or the ConfigMap), so that {@code
 * dependsOn} always names Kustomizations and "ready" means the release is installed and healthy
 * ({@code wait: true}).
 */
public final class ClusterLayout {
  /**
   * The extra time a Helm unit's Kustomization waits beyond the release's own timeout (default 5m).
   */
  static final Duration WRAPPER_MARGIN = Duration.ofMinutes(5);

  private ClusterLayout() {}

  /**
   * Where the cluster's flux/ directory is for Flux itself: the source {@code flux bootstrap}
   * created ({@code GitRepository/flux-system}) and the path of flux/ inside it.
   */
  public record FluxSource(String kind, String name, String namespace, String path) {}

  /** File name (relative to the cluster's directory, '/'-separated) to content, sorted by name. */
  public static SortedMap<String, String> render(
      String cluster, List<FluxUnit> units, FluxSource source) {
    return render(cluster, units, source, List.of());
  }

  /**
   * As {@link #render(String, List, FluxSource)}, with more entries for the cluster's {@code
   * kustomization.yaml} (such as {@code flux-system}, the directory {@code flux bootstrap} writes).
   */
  public static SortedMap<String, String> render(
      String cluster, List<FluxUnit> units, FluxSource source, List<String> moreResources) {
    SortedMap<String, String> files = new TreeMap<>();
    List<Object> resources = new ArrayList<>();
    Map<String, String> namespaces = new LinkedHashMap<>();
    for (FluxUnit unit : units) {
      namespaces.put(unit.name(), namespace(unit));
    }
    for (FluxUnit unit : units) {
      List<String> deps = qualified(unit.dependsOn(), namespace(unit), namespaces);
      String file = unit.name() + ".yaml";
      if (files.containsKey(file)) {
        throw new IllegalArgumentException(
            "two units named " + unit.name() + " on cluster " + cluster);
      }
      resources.add(file);
      if (unit instanceof FluxUnit.App app) {
        files.put(file, FluxObjects.render(app.withDependsOn(deps)));
      } else if (unit instanceof FluxUnit.Helm helm) {
        files.put(
            file,
            wrapper(
                cluster,
                helm.name(),
                helm.namespace(),
                helm.interval(),
                timeout(helm),
                deps,
                source));
        files.put(helm.name() + "/release.yaml", HelmObjects.render(helm));
        files.put(helm.name() + "/kustomization.yaml", kustomization(List.of("release.yaml")));
      } else if (unit instanceof FluxUnit.Phase phase) {
        files.put(
            file,
            wrapper(
                cluster, phase.name(), phase.namespace(), phase.interval(), null, deps, source));
        files.put(phase.name() + "/values.yaml", HelmObjects.render(phase));
        files.put(phase.name() + "/kustomization.yaml", kustomization(List.of("values.yaml")));
      }
    }
    resources.addAll(moreResources);
    resources.sort(null);
    files.put("kustomization.yaml", kustomization(resources));
    return files;
  }

  private static String namespace(FluxUnit unit) {
    if (unit instanceof FluxUnit.App app) {
      return app.unit().namespace();
    }
    return unit instanceof FluxUnit.Helm helm
        ? helm.namespace()
        : ((FluxUnit.Phase) unit).namespace();
  }

  /**
   * Dependencies as {@code namespace/name} where the unit depended on lives in another namespace.
   */
  private static List<String> qualified(
      List<String> deps, String own, Map<String, String> namespaces) {
    List<String> out = new ArrayList<>();
    for (String dep : deps) {
      String ns = namespaces.get(dep);
      out.add(ns == null || ns.equals(own) ? dep : ns + "/" + dep);
    }
    return out;
  }

  private static Duration timeout(FluxUnit.Helm helm) {
    Object timeout = helm.release().get("timeout");
    return (timeout instanceof Duration d ? d : Duration.ofMinutes(5)).plus(WRAPPER_MARGIN);
  }

  private static String wrapper(
      String cluster,
      String name,
      String namespace,
      Duration interval,
      Duration timeout,
      List<String> dependsOn,
      FluxSource source) {
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!dependsOn.isEmpty()) {
      spec.put("dependsOn", Trees.dependsOn(dependsOn));
    }
    spec.put("interval", HelmObjects.interval(interval));
    spec.put(
        "path", SafePath.normalise(source.path() + "/clusters/" + cluster + "/" + name, cluster));
    spec.put("prune", true);
    spec.put(
        "sourceRef",
        Trees.map(
            "kind",
            source.kind(),
            "name",
            source.name(),
            "namespace",
            source.namespace().equals(namespace == null ? ClusterUnit.DEFAULT_NAMESPACE : namespace)
                ? null
                : source.namespace()));
    spec.put("timeout", GoYamlWriter.goDuration(timeout == null ? Duration.ofMinutes(2) : timeout));
    spec.put("wait", true);
    return FluxObjects.document(
        Trees.object(
            FluxObjects.KUSTOMIZE_API,
            "Kustomization",
            name,
            namespace == null ? ClusterUnit.DEFAULT_NAMESPACE : namespace,
            spec));
  }

  /** A kustomize {@code kustomization.yaml} listing resources. */
  static String kustomization(List<Object> resources) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    k.put("kind", "Kustomization");
    k.put("resources", resources);
    return GoYamlWriter.marshal(k);
  }
}
