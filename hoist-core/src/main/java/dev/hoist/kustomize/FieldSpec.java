package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Where a transformer writes: a slash-separated path in resources of a kind (empty group, version
 * or kind match anything), with {@code create} saying whether missing fields are added. Lists on
 * the path are walked element by element ({@code containers[]} and {@code containers} mean the
 * same).
 */
record FieldSpec(String group, String version, String kind, String path, boolean create) {

  static FieldSpec of(String path, boolean create) {
    return new FieldSpec("", "", "", path, create);
  }

  static FieldSpec of(String kind, String path, boolean create) {
    return new FieldSpec("", "", kind, path, create);
  }

  static FieldSpec of(String group, String kind, String path, boolean create) {
    return new FieldSpec(group, "", kind, path, create);
  }

  boolean applies(Res r) {
    return (kind.isEmpty() || kind.equals(r.kind()))
        && (group.isEmpty() || group.equals(r.group()))
        && (version.isEmpty() || version.equals(r.version()));
  }

  String[] segments() {
    // "\/" is a slash inside a key (an annotation such as nginx.ingress.kubernetes.io\/auth-secret)
    String[] parts = path.split("(?<!\\\\)/");
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].replace("\\/", "/");
      if (parts[i].endsWith("[]")) {
        parts[i] = parts[i].substring(0, parts[i].length() - 2);
      }
    }
    return parts;
  }

  /**
   * Calls {@code fn(parentMap, lastKey)} for every place the path reaches (creating maps when
   * allowed).
   */
  void visit(Map<String, Object> root, BiConsumer<Map<String, Object>, String> fn) {
    walk(root, segments(), 0, fn);
  }

  private void walk(Object node, String[] segs, int i, BiConsumer<Map<String, Object>, String> fn) {
    if (node instanceof List<?> list) {
      for (Object e : new ArrayList<>(list)) {
        walk(e, segs, i, fn);
      }
      return;
    }
    if (!(node instanceof Map<?, ?>)) {
      return;
    }
    Map<String, Object> map = Tree.map(node);
    if (i == segs.length - 1) {
      fn.accept(map, segs[i]);
      return;
    }
    Object next = map.get(segs[i]);
    if (next == null) {
      if (!create || path.contains(segs[i] + "[]")) {
        return;
      }
      next = new LinkedHashMap<String, Object>();
      map.put(segs[i], next);
    }
    walk(next, segs, i + 1, fn);
  }

  /** Parses user field specs (configurations/fieldSpecs in replacements are not covered). */
  static List<FieldSpec> parse(List<Object> specs, String where) {
    List<FieldSpec> out = new ArrayList<>();
    for (Object o : specs) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new RenderException(where + ": fieldSpecs entries must be mappings");
      }
      Map<String, Object> s = Tree.map(m);
      out.add(
          new FieldSpec(
              str(s, "group"),
              str(s, "version"),
              str(s, "kind"),
              str(s, "path"),
              Boolean.TRUE.equals(s.get("create"))));
    }
    return out;
  }

  private static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? "" : String.valueOf(v);
  }
}
