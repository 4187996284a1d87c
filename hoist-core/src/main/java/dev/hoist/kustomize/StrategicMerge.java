package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Strategic merge patch as kustomize v5.5 applies it (kyaml merge2 with schema merge keys, new list
 * elements prepended). Maps merge key by key, a null value deletes a key; lists whose schema field
 * has strategy merge are merged by the field's merge key (or as a set of scalars), every other list
 * is replaced. Directives: {@code $patch: delete|replace|merge} on maps and as list elements. Like
 * kustomize v5.5, {@code $retainKeys}, {@code $setElementOrder/…} and {@code
 * $deleteFromPrimitiveList/…} are kept as ordinary fields.
 */
final class StrategicMerge {
  private static final String PATCH = "$patch";
  private final Schema schema;

  /** Merging with the merge keys and strategies of {@code schema}. */
  StrategicMerge(Schema schema) {
    this.schema = schema;
  }

  /**
   * Merges {@code patch} into {@code dest} (a copy is not made); returns null when the patch
   * deletes it.
   */
  Map<String, Object> apply(
      Map<String, Object> dest, Map<String, Object> patch, String definition) {
    Object directive = patch.get(PATCH);
    if ("delete".equals(directive)) {
      return null;
    }
    if ("replace".equals(directive)) {
      return cleanMap(patch, definition);
    }
    for (Map.Entry<String, Object> e : patch.entrySet()) {
      String key = e.getKey();
      if (key.equals(PATCH)) {
        continue;
      }
      Object pv = e.getValue();
      Object dv = dest.get(key);
      Schema.Field field = schema.field(definition, key);
      if (pv == null) {
        dest.remove(key);
      } else if (pv instanceof Map<?, ?> pm && dv instanceof Map<?, ?> dm) {
        Map<String, Object> merged =
            apply(Tree.map(dm), Tree.map(pm), field == null ? null : field.target());
        if (merged == null) {
          dest.remove(key);
        } else {
          dest.put(key, merged);
        }
      } else if (pv instanceof Map<?, ?> pm && "delete".equals(pm.get(PATCH))) {
        dest.remove(key);
      } else if (pv instanceof List<?> pl && dv instanceof List<?> dl) {
        dest.put(key, list(Tree.list(dl), Tree.list(pl), field));
        if (field == null || !field.merges()) {
          YamlMap.moveKey(dest, key, patch, key); // the patch's list replaced the resource's
        }
      } else {
        Object cleaned = clean(pv, field);
        if (!same(dv, cleaned)) {
          YamlMap.moveKey(dest, key, patch, key); // the patch wrote this value
        }
        dest.put(key, cleaned);
      }
    }
    prune(dest, patch.keySet(), definition);
    return dest;
  }

  /**
   * What kyaml's walker does to the parts of {@code dest} the patch does not mention: it visits
   * every field of every mapping, and the elements of lists whose schema field merges (not other
   * lists), and drops each field written with no value ({@code key:}; merge2 keeps a null only when
   * it has text, {@code ~} or {@code null}).
   */
  private void prune(Map<String, Object> dest, Set<String> skip, String definition) {
    for (String key : List.copyOf(dest.keySet())) {
      if (skip.contains(key)) {
        continue;
      }
      if (YamlMap.bare(dest, key)) {
        dest.remove(key);
        continue;
      }
      Schema.Field field = schema.field(definition, key);
      Object v = dest.get(key);
      if (v instanceof Map<?, ?> m) {
        prune(Tree.map(m), Set.of(), field == null ? null : field.target());
      } else if (v instanceof List<?> l && field != null && field.merges()) {
        for (Object e : l) {
          if (e instanceof Map<?, ?> m) {
            prune(Tree.map(m), Set.of(), field.target());
          }
        }
      }
    }
  }

  private List<Object> list(List<Object> dest, List<Object> patch, Schema.Field field) {
    if (field == null || !field.merges()) {
      return Tree.list(Tree.deepCopy(patch)); // kyaml replaces such a list by the patch's, as it is
    }
    for (Object p : patch) {
      if (p instanceof Map<?, ?> m && m.size() == 1 && "replace".equals(m.get(PATCH))) {
        List<Object> out = new ArrayList<>();
        for (Object q : patch) {
          if (q != p) {
            out.add(clean(q, field));
          }
        }
        return out;
      }
    }
    String key = field.mergeKey();
    if (key == null) {
      List<Object> out = new ArrayList<>();
      for (Object p : patch) {
        if (!out.contains(p)) {
          out.add(clean(p, field));
        }
      }
      for (Object d : dest) {
        if (!out.contains(d)) {
          out.add(d);
        }
      }
      return out;
    }
    List<String> keys = validKeys(dest, patch, field.mergeKeys());
    if (keys.size() > 1) {
      return byKeys(dest, patch, field, keys);
    }
    if (!keys.isEmpty()) {
      key = keys.get(0);
    }
    // kyaml's order: the patch's items first (merged with the matching item of dest), then dest's
    // other items
    Map<Object, Map<String, Object>> destByKey = new LinkedHashMap<>();
    for (Object d : dest) {
      if (d instanceof Map<?, ?> dm) {
        destByKey.putIfAbsent(Tree.map(dm).get(key), Tree.map(dm));
      }
    }
    List<Object> out = new ArrayList<>();
    Set<Object> used = new HashSet<>();
    for (Object p : patch) {
      if (!(p instanceof Map<?, ?> pm)) {
        continue;
      }
      Map<String, Object> pmap = Tree.map(pm);
      Object k = pmap.get(key);
      if (!used.add(k)) {
        continue;
      }
      Map<String, Object> d = destByKey.get(k);
      if (d == null) {
        if (!"delete".equals(pmap.get(PATCH)) && !"replace".equals(pmap.get(PATCH))) {
          out.add(cleanMap(pmap, field.target()));
        }
      } else if ("replace".equals(pmap.get(PATCH))) {
        out.add(d);
      } else {
        Map<String, Object> merged = apply(d, pmap, field.target());
        if (merged != null) {
          out.add(merged);
        }
      }
    }
    for (Object d : dest) {
      if (!(d instanceof Map<?, ?> dm) || !used.contains(Tree.map(dm).get(key))) {
        if (d instanceof Map<?, ?> dm) {
          prune(Tree.map(dm), Set.of(), field.target());
        }
        out.add(d);
      }
    }
    return out;
  }

  /**
   * A list whose elements are identified by several keys (x-kubernetes-list-map-keys: a port by
   * containerPort and protocol), as kyaml merges it: a patch element whose key values equal those
   * of an element of dest (a key both lack counts as equal) is merged into it where it stands; the
   * patch's other elements come first, in their order. (kyaml drops a patch element whose keys only
   * partly match, `9000/TCP` against a `9000` without protocol; hoist adds it.)
   */
  private List<Object> byKeys(
      List<Object> dest, List<Object> patch, Schema.Field field, List<String> keys) {
    List<Object> added = new ArrayList<>();
    List<Object> out = new ArrayList<>(dest);
    List<List<String>> seen = new ArrayList<>();
    Set<Object> merged = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Object p : patch) {
      if (!(p instanceof Map<?, ?> pm)) {
        continue;
      }
      Map<String, Object> pmap = Tree.map(pm);
      List<String> pk = keyValues(pmap, keys);
      if (seen.contains(pk)) {
        continue;
      }
      seen.add(pk);
      int at = -1;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i) instanceof Map<?, ?> dm
            && !merged.contains(out.get(i))
            && sameElement(keyValues(Tree.map(dm), keys), pk)) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        if (!"delete".equals(pmap.get(PATCH)) && !"replace".equals(pmap.get(PATCH))) {
          added.add(cleanMap(pmap, field.target()));
        }
      } else if (!"replace".equals(pmap.get(PATCH))) {
        Map<String, Object> result = apply(Tree.map((Map<?, ?>) out.get(at)), pmap, field.target());
        if (result == null) {
          out.remove(at);
        } else {
          out.set(at, result);
          merged.add(result);
        }
      } else {
        merged.add(out.get(at));
      }
    }
    for (Object d : out) {
      if (d instanceof Map<?, ?> dm && !merged.contains(d)) {
        prune(Tree.map(dm), Set.of(), field.target());
      }
    }
    added.addAll(out);
    return added;
  }

  /**
   * kyaml's validateKeys: of a field's keys, those some element of dest or the patch has (a list
   * whose ports name no protocol merges by containerPort alone, as a one-key list).
   */
  private static List<String> validKeys(List<Object> dest, List<Object> patch, List<String> keys) {
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      boolean some = false;
      for (List<Object> l : List.of(dest, patch)) {
        for (Object e : l) {
          some |= e instanceof Map<?, ?> m && m.get(k) != null && !"".equals(m.get(k));
        }
      }
      if (some) {
        out.add(k);
      }
    }
    return out;
  }

  private static boolean sameElement(List<String> a, List<String> b) {
    boolean common = false;
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i);
      String y = b.get(i);
      if (x.isEmpty() || y.isEmpty()) {
        continue;
      }
      if (!x.equals(y)) {
        return false;
      }
      common = true;
    }
    return common || a.equals(b);
  }

  private static List<String> keyValues(Map<String, Object> element, List<String> keys) {
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      Object v = element.get(k);
      out.add(v == null ? "" : String.valueOf(v));
    }
    return out;
  }

  /**
   * A part of the patch that is inserted as it is, the way kyaml's walker inserts it: in its
   * mappings (and in the elements of lists whose schema field merges) without {@code $patch}
   * directives and null fields; other lists stay exactly as written.
   */
  private Object clean(Object v, Schema.Field field) {
    if (v instanceof Map<?, ?> m) {
      return cleanMap(Tree.map(m), field == null ? null : field.target());
    }
    if (v instanceof List<?> l) {
      if (field == null || !field.merges()) {
        return Tree.deepCopy(l);
      }
      List<Object> out = new ArrayList<>();
      for (Object e : l) {
        if (e instanceof Map<?, ?> sub && sub.containsKey(PATCH) && sub.size() == 1) {
          continue;
        }
        out.add(clean(e, field));
      }
      return out;
    }
    return v;
  }

  private Map<String, Object> cleanMap(Map<String, Object> m, String definition) {
    YamlMap out = YamlMap.locatedLike(m);
    out.flow = YamlMap.flow(m);
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (e.getKey().equals(PATCH) || e.getValue() == null) {
        continue;
      }
      if (e.getValue() instanceof Map<?, ?> sub && "delete".equals(sub.get(PATCH))) {
        continue;
      }
      out.put(e.getKey(), clean(e.getValue(), schema.field(definition, e.getKey())));
    }
    return out;
  }

  static boolean same(Object a, Object b) {
    return Objects.equals(a, b);
  }
}
