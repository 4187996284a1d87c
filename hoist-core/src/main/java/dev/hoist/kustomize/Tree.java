package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers over plain value trees (maps, lists, scalars). */
final class Tree {
  private Tree() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  static Object deepCopy(Object o) {
    if (o instanceof Map<?, ?> m) {
      return deepCopyMap(map(m));
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object e : l) {
        out.add(deepCopy(e));
      }
      return out;
    }
    return o;
  }

  static Map<String, Object> deepCopyMap(Map<String, Object> m) {
    return YamlMap.copyOf(m, Tree::deepCopy);
  }

  /** The map at {@code key}, created when absent (or null). */
  static Map<String, Object> child(Map<String, Object> parent, String key) {
    Object v = parent.get(key);
    if (v instanceof Map<?, ?>) {
      return map(v);
    }
    Map<String, Object> created = new LinkedHashMap<>();
    parent.put(key, created);
    return created;
  }

  /**
   * A string value of a kustomization field, or null; other types are an error naming the field.
   */
  static String string(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new RenderException(
          where + ": field " + key + " must be a string, not " + describe(v) + " (quote it)");
    }
    return s;
  }

  static String describe(Object v) {
    if (v instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    return v instanceof Boolean ? "a bool" : "a number";
  }

  /** A scalar as the text kustomize would see it. */
  static String scalarText(Object v) {
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e18 ? Long.toString(d.longValue()) : d.toString();
    }
    return String.valueOf(v);
  }

  static List<Object> listField(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?>)) {
      throw new RenderException(where + ": field " + key + " must be a list");
    }
    return list(v);
  }

  static Map<String, Object> mapField(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?>)) {
      throw new RenderException(where + ": field " + key + " must be a mapping");
    }
    return map(v);
  }
}
