package dev.hoist.flux;

import dev.hoist.yaml.GoYamlWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the Flux objects that reconcile a project's manifests artifact on one cluster: an OCIRepository
 * ({@code source.toolkit.fluxcd.io/v1}) and a Kustomization ({@code kustomize.toolkit.fluxcd.io/v1}), byte for
 * byte as {@code flux create source oci … --export} and {@code flux create kustomization … --export} print them.
 */
public final class FluxObjects {
  /** The OCIRepository API version. */
  public static final String SOURCE_API = "source.toolkit.fluxcd.io/v1";
  /** The Kustomization API version. */
  public static final String KUSTOMIZE_API = "kustomize.toolkit.fluxcd.io/v1";

  private FluxObjects() {
  }

  /** Both documents, OCIRepository first, each starting with a {@code ---} line. */
  public static String render(ClusterUnit unit) {
    return GoYamlWriter.document(ociRepository(unit), GoYamlWriter.GO_YAML_LINE_WIDTH)
        + GoYamlWriter.document(kustomization(unit), GoYamlWriter.GO_YAML_LINE_WIDTH);
  }

  static Map<String, Object> ociRepository(ClusterUnit unit) {
    Map<String, Object> ref = new LinkedHashMap<>();
    RefPolicy policy = unit.ref();
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
    spec.put("interval", GoYamlWriter.goDuration(unit.interval()));
    spec.put("provider", "generic");
    spec.put("ref", ref);
    spec.put("url", unit.url());
    return object(SOURCE_API, "OCIRepository", unit, spec);
  }

  static Map<String, Object> kustomization(ClusterUnit unit) {
    Map<String, Object> sourceRef = new LinkedHashMap<>();
    sourceRef.put("kind", "OCIRepository");
    sourceRef.put("name", unit.name());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("interval", GoYamlWriter.goDuration(unit.interval()));
    spec.put("path", unit.path());
    spec.put("prune", unit.prune());
    spec.put("sourceRef", sourceRef);
    if (unit.timeout() != null || unit.waitReady()) {
      spec.put("timeout", GoYamlWriter.goDuration(
          unit.timeout() != null ? unit.timeout() : java.time.Duration.ofMinutes(2)));
    }
    if (unit.waitReady()) {
      spec.put("wait", true);
    }
    return object(KUSTOMIZE_API, "Kustomization", unit, spec);
  }

  private static Map<String, Object> object(String apiVersion, String kind, ClusterUnit unit,
      Map<String, Object> spec) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", unit.name());
    metadata.put("namespace", unit.namespace());
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    object.put("metadata", metadata);
    object.put("spec", spec);
    return object;
  }
}
