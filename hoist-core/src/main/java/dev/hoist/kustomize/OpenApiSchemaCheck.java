package dev.hoist.kustomize;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type checks kube-openapi's Schema decoding (jsonv2, as vendored by kustomize v5.5.0) makes:
 * each known schema field must have its Go type (null is always the zero value), nested schemas are
 * checked the same way, a repeated key anywhere inside a Schema is refused, and {@code $ref}/{@code
 * $schema} must parse as URLs. Unknown fields (also differently cased known ones) are ignored, as
 * kube-openapi keeps them aside.
 */
final class OpenApiSchemaCheck {
  private static final Set<String> STRINGS =
      Set.of("id", "description", "format", "title", "pattern", "discriminator");
  private static final Set<String> BOOLS =
      Set.of("nullable", "exclusiveMaximum", "exclusiveMinimum", "uniqueItems", "readOnly");
  private static final Set<String> FLOATS = Set.of("maximum", "minimum", "multipleOf");
  private static final Set<String> INTS =
      Set.of("maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties");
  private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "oneOf", "anyOf");
  private static final Set<String> SCHEMA_MAPS =
      Set.of("properties", "patternProperties", "definitions");

  /**
   * JSON text: integers must be written as such (YAML goes through a JSON conversion that writes
   * 1.0 as 1).
   */
  private final boolean json;

  private OpenApiSchemaCheck(boolean json) {
    this.json = json;
  }

  /** Checks one Schema value (the whole subtree). */
  static void schema(Object v, String at, boolean json) {
    noRepeatedKeys(v, at);
    new OpenApiSchemaCheck(json).check(v, at);
  }

  private static void noRepeatedKeys(Object v, String at) {
    if (v instanceof OpenApiFile.RepeatedKeys r) {
      throw new RenderException(at + ": duplicate name " + r.key + " in object");
    }
    if (v instanceof Map<?, ?> m) {
      for (Object x : m.values()) {
        noRepeatedKeys(x, at);
      }
    } else if (v instanceof List<?> l) {
      for (Object x : l) {
        noRepeatedKeys(x, at);
      }
    }
  }

  private void check(Object v, String at) {
    if (v == null) {
      return;
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw new RenderException(at + " must be a mapping (a schema), not " + describe(v));
    }
    for (Map.Entry<String, Object> e : Tree.map(m).entrySet()) {
      field(e.getKey(), e.getValue(), at + "." + e.getKey());
    }
  }

  private void field(String key, Object v, String at) {
    if (v == null) {
      return;
    }
    if (STRINGS.contains(key)) {
      expect(v instanceof String, v, at, "a string");
    } else if (BOOLS.contains(key)) {
      expect(v instanceof Boolean, v, at, "a bool");
    } else if (FLOATS.contains(key)) {
      expect(v instanceof Number, v, at, "a number");
    } else if (INTS.contains(key)) {
      expect(
          v instanceof Long
              || (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.2e18 && !json),
          v,
          at,
          "an integer");
    } else if (SCHEMA_LISTS.contains(key)) {
      expect(v instanceof List<?>, v, at, "a list of schemas");
      Tree.list(v).forEach(s -> check(s, at));
    } else if (SCHEMA_MAPS.contains(key)) {
      expect(v instanceof Map<?, ?>, v, at, "a mapping of schemas");
      Tree.map(v).forEach((name, s) -> check(s, at + "." + name));
    } else {
      special(key, v, at);
    }
  }

  private void special(String key, Object v, String at) {
    switch (key) {
      case "enum" -> expect(v instanceof List<?>, v, at, "a list");
      case "required" -> strings(v, at);
      case "type" -> {
        if (!(v instanceof String)) {
          strings(v, at);
        }
      }
      case "not" -> check(v, at);
      case "items" -> {
        if (v instanceof Map<?, ?>) {
          check(v, at);
        } else if (v instanceof List<?> l) {
          l.forEach(s -> check(s, at));
        }
      }
      case "additionalProperties", "additionalItems" -> {
        expect(v instanceof Boolean || v instanceof Map<?, ?>, v, at, "a bool or a schema");
        check(v instanceof Map<?, ?> ? v : null, at);
      }
      case "dependencies" -> {
        expect(v instanceof Map<?, ?>, v, at, "a mapping");
        Tree.map(v)
            .forEach(
                (name, d) -> {
                  if (d instanceof Map<?, ?>) {
                    check(d, at + "." + name);
                  } else if (d instanceof List<?>) {
                    strings(d, at + "." + name);
                  }
                });
      }
      case "externalDocs" -> {
        expect(v instanceof Map<?, ?>, v, at, "a mapping");
        for (String f : List.of("description", "url")) {
          Object x = Tree.map(v).get(f);
          expect(x == null || x instanceof String, x, at + "." + f, "a string");
        }
      }
      case "$ref", "$schema" -> {
        if (v instanceof String s) {
          GoUrl.check(s, at);
        }
      }
      default -> {
        // extensions (x-…) and unknown fields hold any value
      }
    }
  }

  private static void strings(Object v, String at) {
    expect(v instanceof List<?>, v, at, "a list of strings");
    for (Object o : Tree.list(v)) {
      expect(o == null || o instanceof String, o, at, "a list of strings");
    }
  }

  private static String describe(Object v) {
    return v instanceof String ? "a string" : Tree.describe(v);
  }

  private static void expect(boolean ok, Object v, String at, String what) {
    if (!ok) {
      throw new RenderException(at + " must be " + what + ", not " + describe(v));
    }
  }
}
