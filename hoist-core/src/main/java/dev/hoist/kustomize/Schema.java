package dev.hoist.kustomize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes v1.21.2 schema facts kustomize v5.5.0 uses, from the generated table {@code
 * k8s-schema.txt} (scripts/k8s-schema-table.py): each kind's definition and scope, and per
 * definition the fields that lead to other definitions or carry a patch strategy and merge key.
 */
final class Schema {
  /**
   * A field of a definition: its target definition (or null), shape (list, map, obj, prim),
   * strategy, key.
   */
  record Field(String target, String shape, String strategy, String mergeKey) {
    boolean merges() {
      return strategy != null && strategy.contains("merge");
    }

    boolean retainKeys() {
      return strategy != null && strategy.contains("retainKeys");
    }
  }

  private static final Schema INSTANCE = load();
  private final Map<String, String> definitions = new HashMap<>();
  private final Set<String> cluster = new HashSet<>();
  private final Map<String, Map<String, Field>> fields = new HashMap<>();

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

  private static Schema load() {
    Schema s = new Schema();
    try (InputStream in = Schema.class.getResourceAsStream("k8s-schema.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] p = line.split(" ", -1);
        if (p[0].equals("gvk")) {
          s.definitions.put(p[1] + " " + p[2], p[3]);
          if (p[4].equals("cluster")) {
            s.cluster.add(p[1] + " " + p[2]);
          }
        } else if (p[0].equals("field")) {
          s.fields
              .computeIfAbsent(p[1], k -> new HashMap<>())
              .put(p[2], new Field(dash(p[3]), p[4], dash(p[5]), dash(p[6])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s;
  }

  private static String dash(String v) {
    return v.equals("-") ? null : v;
  }
}
