package dev.hoist.validate;

import dev.hoist.yaml.SafeYaml;
import dev.hoist.yaml.YamlException;
import dev.hoist.yaml.YamlNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The served versions of CustomResourceDefinitions, read from files of CRDs (one per file as in the
 * controllers' {@code config/crd/bases/}) or from a cluster export ({@code kubectl get crd -o
 * yaml}, a {@code List}), in a directory or a single multi-document file.
 */
public final class CrdSchemas {
  /** One served version of a kind. */
  public record Served(
      String apiVersion,
      String kind,
      boolean namespaced,
      YamlNode.Mapping schema,
      boolean builtin) {}

  private final Map<String, Served> served = new LinkedHashMap<>();
  private final Map<String, Set<String>> versionsByGroupKind = new LinkedHashMap<>();
  private final Map<String, YamlNode.Mapping> definitions = new LinkedHashMap<>();
  private final Set<String> reportedUnknown = new java.util.HashSet<>();

  private CrdSchemas() {}

  /** No CRDs: only well-formedness is checked. */
  public static CrdSchemas none() {
    return new CrdSchemas();
  }

  /**
   * Reads every {@code .yaml}/{@code .yml}/{@code .json} file under {@code path} (or the file
   * itself).
   */
  public static CrdSchemas load(Path path) {
    CrdSchemas crds = new CrdSchemas();
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("--crds " + path + ": no such file or directory");
    }
    for (Path file : Inputs.files(List.of(path))) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
      try {
        for (YamlNode doc : SafeYaml.parseAll(text, file.toString())) {
          crds.add(doc);
        }
      } catch (YamlException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    }
    if (crds.served.isEmpty()) {
      throw new IllegalArgumentException(
          "--crds "
              + path
              + ": no CustomResourceDefinition with a served "
              + "openAPIV3Schema found");
    }
    return crds;
  }

  private void add(YamlNode doc) {
    if (!(doc instanceof YamlNode.Mapping m)) {
      return;
    }
    String kind = SchemaCheck.text(m.entries().get("kind"));
    if ("List".equals(kind) && m.entries().get("items") instanceof YamlNode.Sequence items) {
      items.items().forEach(this::add);
      return;
    }
    if (!"CustomResourceDefinition".equals(kind)
        || !(get(m, "spec") instanceof YamlNode.Mapping spec)) {
      return;
    }
    String group = SchemaCheck.text(spec.entries().get("group"));
    String crdKind =
        get(spec, "names") instanceof YamlNode.Mapping names
            ? SchemaCheck.text(names.entries().get("kind"))
            : null;
    boolean namespaced = !"Cluster".equals(SchemaCheck.text(spec.entries().get("scope")));
    if (group == null
        || crdKind == null
        || !(get(spec, "versions") instanceof YamlNode.Sequence versions)) {
      return;
    }
    for (YamlNode v : versions.items()) {
      if (!(v instanceof YamlNode.Mapping version)
          || !"true".equals(SchemaCheck.text(version.entries().get("served")))) {
        continue;
      }
      String name = SchemaCheck.text(version.entries().get("name"));
      if (get(version, "schema") instanceof YamlNode.Mapping schema
          && get(schema, "openAPIV3Schema") instanceof YamlNode.Mapping openApi) {
        served.put(
            group + "/" + name + "/" + crdKind,
            new Served(group + "/" + name, crdKind, namespaced, openApi, false));
        versionsByGroupKind
            .computeIfAbsent(group + "/" + crdKind, k -> new TreeSet<>())
            .add(group + "/" + name);
      }
    }
  }

  /** Adds the built-in kinds of a Kubernetes OpenAPI v2 document (swagger.json). */
  public CrdSchemas withOpenApi(Path swagger) {
    OpenApiSchemas.addTo(this, swagger);
    return this;
  }

  /**
   * These schemas plus the CustomResourceDefinitions among {@code docs} (the inputs' own CRDs, e.g.
   * a ServiceMonitor CRD an overlay installs); the same schemas when there are none.
   */
  CrdSchemas withDocuments(List<YamlNode> docs) {
    CrdSchemas out = null;
    for (YamlNode doc : docs) {
      if (doc instanceof YamlNode.Mapping m
          && "CustomResourceDefinition".equals(SchemaCheck.text(m.entries().get("kind")))) {
        if (out == null) {
          out = new CrdSchemas();
          out.served.putAll(served);
          for (Map.Entry<String, Set<String>> e : versionsByGroupKind.entrySet()) {
            out.versionsByGroupKind.put(e.getKey(), new TreeSet<>(e.getValue()));
          }
          out.definitions.putAll(definitions);
        }
        out.add(doc);
      }
    }
    if (out == null) {
      return this;
    }
    out.reportedUnknown.addAll(reportedUnknown);
    return out;
  }

  void addDefinitions(Map<String, YamlNode.Mapping> refs) {
    definitions.putAll(refs);
  }

  void addBuiltin(String apiVersion, String kind, YamlNode.Mapping schema) {
    served.putIfAbsent(apiVersion + "/" + kind, new Served(apiVersion, kind, true, schema, true));
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    versionsByGroupKind.computeIfAbsent(group + "/" + kind, k -> new TreeSet<>()).add(apiVersion);
  }

  /** The OpenAPI definitions {@code $ref}s name. */
  Map<String, YamlNode.Mapping> definitions() {
    return definitions;
  }

  /** Whether built-in kinds are known (so an unknown kind is a problem, not a pass). */
  public boolean hasBuiltins() {
    return !definitions.isEmpty();
  }

  /** True the first time an unknown kind is reported (once per run). */
  boolean firstReport(String apiVersion, String kind) {
    return reportedUnknown.add(apiVersion + " " + kind);
  }

  private static YamlNode get(YamlNode.Mapping m, String key) {
    return m.entries().get(key);
  }

  /** The schema of a served {@code apiVersion} and kind. */
  public Optional<Served> find(String apiVersion, String kind) {
    return Optional.ofNullable(served.get(apiVersion + "/" + kind));
  }

  /** The served apiVersions of a kind in the group of {@code apiVersion}, for messages. */
  public List<String> servedVersions(String apiVersion, String kind) {
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return new ArrayList<>(versionsByGroupKind.getOrDefault(group + "/" + kind, Set.of()));
  }

  /** True when some CRD of this API group was loaded. */
  public boolean knowsGroup(String apiVersion) {
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return versionsByGroupKind.keySet().stream().anyMatch(k -> k.startsWith(group + "/"));
  }

  public boolean isEmpty() {
    return served.isEmpty();
  }

  public int size() {
    return served.size();
  }
}
