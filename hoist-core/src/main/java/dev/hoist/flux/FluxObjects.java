package dev.hoist.flux;

import dev.hoist.yaml.GoYamlWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the Flux objects that reconcile a project's manifests artifact on one cluster: an
 * OCIRepository ({@code source.toolkit.fluxcd.io/v1}) and a Kustomization ({@code
 * kustomize.toolkit.fluxcd.io/v1}), byte for byte as {@code flux create source oci … --export} and
 * {@code flux create kustomization … --export} print them.
 */
public final class FluxObjects {
  /** The OCIRepository API version. */
  public static final String SOURCE_API = "source.toolkit.fluxcd.io/v1";

  /** The Kustomization API version. */
  public static final String KUSTOMIZE_API = "kustomize.toolkit.fluxcd.io/v1";

  private FluxObjects() {}

  /** Both documents, OCIRepository first, each starting with a {@code ---} line. */
  public static String render(ClusterUnit unit) {
    return render(new FluxUnit.App(unit, Map.of(), Map.of(), List.of()));
  }

  /** The app's two documents with its extra source and Kustomization options and dependencies. */
  public static String render(FluxUnit.App app) {
    ClusterUnit unit = app.unit();
    if (!app.writeSource()) {
      return document(kustomization(app));
    }
    Map<String, Object> source =
        ociRepository(
            app.sourceName(),
            unit.namespace(),
            unit.url(),
            unit.ref(),
            unit.interval(),
            app.source());
    return document(source) + document(kustomization(app));
  }

  static String document(Map<String, Object> object) {
    return GoYamlWriter.document(object, GoYamlWriter.GO_YAML_LINE_WIDTH);
  }

  static Map<String, Object> ociRepository(
      String name,
      String namespace,
      String url,
      RefPolicy policy,
      Duration interval,
      Map<String, Object> extra) {
    Map<String, Object> ref = new LinkedHashMap<>();
    if (policy instanceof RefPolicy.Tag t) {
      ref.put("tag", t.tag());
    } else if (policy instanceof RefPolicy.Semver s) {
      ref.put("semver", s.range());
      if (s.filter() != null) {
        ref.put("semverFilter", s.filter());
      }
    } else if (policy instanceof RefPolicy.DigestRef d) {
      ref.put("digest", d.digest());
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put(
        "interval", GoYamlWriter.goDuration(interval == null ? Duration.ofMinutes(1) : interval));
    spec.put("provider", "generic");
    spec.put("ref", ref);
    spec.put("url", url);
    Trees.merge(spec, extra);
    if (spec.get("verify") instanceof Map<?, ?> verify && !verify.containsKey("provider")) {
      Map<String, Object> withProvider = new LinkedHashMap<>();
      verify.forEach((k, v) -> withProvider.put((String) k, v));
      withProvider.put("provider", "cosign");
      spec.put("verify", withProvider);
    }
    return Trees.object(SOURCE_API, "OCIRepository", name, namespace, spec);
  }

  static Map<String, Object> kustomization(FluxUnit.App app) {
    ClusterUnit unit = app.unit();
    Map<String, Object> extra = new LinkedHashMap<>(app.kustomization());
    Object pruneOption = extra.remove("prune");
    Object waitOption = extra.remove("wait");
    Object timeoutOption = extra.remove("timeout");
    boolean prune = pruneOption == null ? unit.prune() : (Boolean) pruneOption;
    boolean wait =
        waitOption == null
            ? unit.waitReady() && !extra.containsKey("healthChecks")
            : (Boolean) waitOption;
    Duration timeout = timeoutOption == null ? unit.timeout() : (Duration) timeoutOption;
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!app.dependsOn().isEmpty()) {
      spec.put("dependsOn", Trees.dependsOn(app.dependsOn()));
    }
    spec.put("interval", GoYamlWriter.goDuration(unit.interval()));
    spec.put("path", unit.path());
    spec.put("prune", prune);
    spec.put("sourceRef", Trees.map("kind", "OCIRepository", "name", app.sourceName()));
    if (timeout != null || wait) {
      spec.put(
          "timeout", GoYamlWriter.goDuration(timeout != null ? timeout : Duration.ofMinutes(2)));
    }
    if (wait) {
      spec.put("wait", true);
    }
    Trees.merge(spec, extra);
    return Trees.object(KUSTOMIZE_API, "Kustomization", unit.name(), unit.namespace(), spec);
  }
}
