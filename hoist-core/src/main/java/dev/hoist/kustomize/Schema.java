package dev.hoist.kustomize;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes v1.21.2 schema facts kustomize v5.5.0 uses, from the generated table {@code
 * k8s-schema.txt} ({@link SchemaTable}): each kind's definition and scope, and per definition the
 * fields that lead to other definitions or carry a patch strategy and merge key.
 */
final class Schema {
  /**
   * A field of a definition: its target definition (or null), shape (list, map, obj, prim),
   * strategy, key.
   */
  record Field(
      String target, String shape, String strategy, String mergeKey, List<String> listMapKeys) {
    Field(String target, String shape, String strategy, String mergeKey) {
      this(target, shape, strategy, mergeKey, List.of());
    }

    /**
     * The keys that identify an element of a merging list, as kyaml's PatchStrategyAndKeyList gives
     * them: x-kubernetes-list-map-keys when the field has them (a port is containerPort and
     * protocol), else the merge key.
     */
    List<String> mergeKeys() {
      if (!listMapKeys.isEmpty()) {
        return listMapKeys;
      }
      return mergeKey == null ? List.of() : List.of(mergeKey);
    }

    boolean merges() {
      return strategy != null && strategy.contains("merge");
    }

    boolean retainKeys() {
      return strategy != null && strategy.contains("retainKeys");
    }
  }

  private static final Schema INSTANCE = load();
  private final Map<String, String> definitions;
  private final Set<String> cluster;
  private final Map<String, Map<String, Field>> fields;

  private Schema() {
    this(new HashMap<>(), new HashSet<>(), new HashMap<>());
  }

  private Schema(
      Map<String, String> definitions,
      Set<String> cluster,
      Map<String, Map<String, Field>> fields) {
    this.definitions = definitions;
    this.cluster = cluster;
    this.fields = fields;
  }

  static Schema get() {
    return INSTANCE;
  }

  /** The definition of apiVersion+kind, or null for kinds the schema does not know (CRDs). */
  String definition(String apiVersion, String kind) {
    return definitions.get(apiVersion + " " + kind);
  }

  /** True when the kind is cluster-scoped; kinds the schema does not know are namespaced. */
  boolean clusterScoped(String apiVersion, String kind) {
    return cluster.contains(apiVersion + " " + kind);
  }

  /** The field {@code name} of {@code definition}, or null. */
  Field field(String definition, String name) {
    if (definition == null) {
      return null;
    }
    Map<String, Field> f = fields.get(definition);
    return f == null ? null : f.get(name);
  }

  /**
   * The schema of an OpenAPI document's {@code definitions} (kustomize's {@code openapi.path}): its
   * kinds (x-kubernetes-group-version-kind) and their fields' merge keys and strategies replace the
   * built-in ones for strategic merge patches, as kustomize replaces its global schema; which kinds
   * are cluster-scoped stays kustomize's built-in list.
   */
  static Schema custom(Map<String, Object> definitions, String source) {
    Schema s = new Schema();
    s.cluster.addAll(INSTANCE.cluster);
    for (Map.Entry<String, Object> d : definitions.entrySet()) {
      if (!(d.getValue() instanceof Map<?, ?> def)) {
        continue;
      }
      if (def.get("x-kubernetes-group-version-kind") instanceof java.util.List<?> gvks) {
        for (Object o : gvks) {
          if (o instanceof Map<?, ?> gvk) {
            String group = gvk.get("group") == null ? "" : String.valueOf(gvk.get("group"));
            String version = String.valueOf(gvk.get("version"));
            String apiVersion = group.isEmpty() ? version : group + "/" + version;
            s.definitions.put(apiVersion + " " + gvk.get("kind"), d.getKey());
          }
        }
      }
      s.properties(d.getKey(), def);
    }
    return s;
  }

  /**
   * {@code over} parsed after {@code under} into one schema, as kyaml's AddDefinitions adds a
   * document to the definitions it holds: a definition of the same name, and the kind it stands
   * for, is replaced.
   */
  static Schema layered(Schema under, Schema over) {
    Schema s = new Schema();
    s.cluster.addAll(under.cluster);
    s.definitions.putAll(under.definitions);
    s.definitions.putAll(over.definitions);
    s.fields.putAll(under.fields);
    s.fields.putAll(over.fields);
    return s;
  }

  /**
   * Records the fields of an object schema under {@code name}. An inline object schema (properties
   * without a {@code $ref}, as a CRD's {@code spec} often is) gets a definition of its own, named
   * after the path to it: kyaml's schema walks inline properties as it walks referenced ones.
   */
  private void properties(String name, Map<?, ?> schema) {
    if (!(schema.get("properties") instanceof Map<?, ?> props)) {
      return;
    }
    Map<String, Field> own = fields.computeIfAbsent(name, k -> new HashMap<>());
    props.forEach((field, p) -> own.put(String.valueOf(field), field(p, name + "/" + field)));
  }

  private Field field(Object property, String inlineName) {
    if (!(property instanceof Map<?, ?> p)) {
      return new Field(null, "prim", null, null);
    }
    Object strategy = p.get("x-kubernetes-patch-strategy");
    Object key = p.get("x-kubernetes-patch-merge-key");
    String target = target(p, inlineName);
    String shape = target != null ? "obj" : "prim";
    if ("array".equals(p.get("type"))) {
      shape = "list";
      target = p.get("items") instanceof Map<?, ?> items ? target(items, inlineName + "[]") : null;
    } else if (p.get("additionalProperties") instanceof Map<?, ?> values) {
      shape = "map";
      target = target(values, inlineName + "{}");
    }
    List<String> mapKeys = new java.util.ArrayList<>();
    if (p.get("x-kubernetes-list-map-keys") instanceof List<?> keys) {
      keys.forEach(k -> mapKeys.add(String.valueOf(k)));
    }
    return new Field(
        target,
        shape,
        strategy == null ? null : String.valueOf(strategy),
        key == null ? null : String.valueOf(key),
        List.copyOf(mapKeys));
  }

  /** The definition a schema stands for: its {@code $ref}, or itself when it has properties. */
  private String target(Map<?, ?> schema, String inlineName) {
    String ref = ref(schema.get("$ref"));
    if (ref != null || !(schema.get("properties") instanceof Map<?, ?>)) {
      return ref;
    }
    properties(inlineName, schema);
    return inlineName;
  }

  private static String ref(Object ref) {
    String r = ref == null ? null : String.valueOf(ref);
    return r != null && r.startsWith("#/definitions/")
        ? r.substring("#/definitions/".length())
        : null;
  }

  private static Schema load() {
    Map<String, String> definitions = new HashMap<>();
    Set<String> cluster = new HashSet<>();
    SchemaTable fields = new SchemaTable(definitions, cluster); // fields parsed when asked for
    return new Schema(definitions, cluster, fields);
  }
}
