package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test) over a value tree. */
final class JsonPatch {
  private JsonPatch() {}

  static void apply(Map<String, Object> doc, List<Object> ops, String where) {
    applyOps(doc, ops, where);
    JsonRoundTrip.afterPatch(doc);
  }

  private static void applyOps(Map<String, Object> doc, List<Object> ops, String where) {
    for (Object o : ops) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new RenderException(where + ": JSON patch operations must be mappings");
      }
      Map<String, Object> op = Tree.map(m);
      String name = String.valueOf(op.get("op"));
      String path = (String) op.get("path");
      if (path == null) {
        throw new RenderException(where + ": JSON patch operation " + name + " has no path");
      }
      switch (name) {
        case "add" -> {
          add(doc, path, Tree.deepCopy(value(op, where)), where);
          located(doc, path, op, where);
        }
        case "remove" -> remove(doc, path, where);
        case "replace" -> {
          // json-patch v4 (kustomize's): replace sets a missing key of an object that exists
          if (!missingKey(doc, path, where)) {
            remove(doc, path, where);
          }
          add(doc, path, Tree.deepCopy(value(op, where)), where);
          located(doc, path, op, where);
        }
        case "move" -> {
          String from = (String) op.get("from");
          Object v = get(doc, from, where);
          remove(doc, from, where);
          add(doc, path, v, where);
        }
        case "copy" ->
            add(doc, path, Tree.deepCopy(get(doc, (String) op.get("from"), where)), where);
        case "test" -> {
          if (!Objects.equals(get(doc, path, where), op.get("value"))) {
            throw new RenderException(where + ": JSON patch test failed at " + path);
          }
        }
        default -> throw new RenderException(where + ": unknown JSON patch operation " + name);
      }
    }
  }

  private static Object value(Map<String, Object> op, String where) {
    if (!op.containsKey("value")) {
      throw new RenderException(where + ": JSON patch operation " + op.get("op") + " has no value");
    }
    return op.get("value");
  }

  static List<String> tokens(String path, String where) {
    if (path.isEmpty()) {
      return List.of();
    }
    if (!path.startsWith("/")) {
      throw new RenderException(where + ": JSON pointer " + path + " must start with /");
    }
    List<String> out = new ArrayList<>();
    for (String t : path.substring(1).split("/", -1)) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /** Whether path names a key its existing parent object lacks (a missing parent fails). */
  private static boolean missingKey(Map<String, Object> doc, String path, String where) {
    List<String> ts = tokens(path, where);
    if (ts.isEmpty()) {
      return false;
    }
    Object parent = doc;
    for (String t : ts.subList(0, ts.size() - 1)) {
      parent = child(parent, t, path, where);
    }
    return parent instanceof Map<?, ?> m && !m.containsKey(ts.get(ts.size() - 1));
  }

  private static Object get(Object doc, String path, String where) {
    Object cur = doc;
    for (String t : tokens(path, where)) {
      cur = child(cur, t, path, where);
    }
    return cur;
  }

  private static Object child(Object cur, String t, String path, String where) {
    if (cur instanceof Map<?, ?> m) {
      if (!m.containsKey(t)) {
        throw new RenderException(where + ": JSON patch path " + path + " does not exist");
      }
      return m.get(t);
    }
    if (cur instanceof List<?> l) {
      int i = index(t, l.size() - 1, path, where);
      return l.get(i);
    }
    throw new RenderException(where + ": JSON patch path " + path + " does not exist");
  }

  private static int index(String t, int max, String path, String where) {
    try {
      int i = Integer.parseInt(t);
      if (i < 0 || i > max || !t.equals(Integer.toString(i))) {
        throw new NumberFormatException();
      }
      return i;
    } catch (NumberFormatException e) {
      throw new RenderException(where + ": JSON patch path " + path + ": bad index " + t);
    }
  }

  /** A mapping field an operation set is located where the operation's value was written. */
  private static void located(
      Map<String, Object> doc, String path, Map<String, Object> op, String where) {
    List<String> ts = tokens(path, where);
    Object parent = get(doc, path.substring(0, path.lastIndexOf('/')), where);
    if (parent instanceof Map<?, ?> m) {
      YamlMap.moveKey(m, ts.get(ts.size() - 1), op, "value");
    }
  }

  private static void add(Map<String, Object> doc, String path, Object value, String where) {
    List<String> ts = tokens(path, where);
    if (ts.isEmpty()) {
      throw new RenderException(where + ": JSON patch cannot replace the whole document");
    }
    Object parent = doc;
    for (String t : ts.subList(0, ts.size() - 1)) {
      if (parent instanceof Map<?, ?> m && m.get(t) == null) {
        // like kustomize (json-patch with EnsurePathExistsOnAdd), add creates missing parents
        Tree.map(m).put(t, new java.util.LinkedHashMap<String, Object>());
      }
      parent = child(parent, t, path, where);
    }
    String last = ts.get(ts.size() - 1);
    if (parent instanceof Map<?, ?> m) {
      Tree.map(m).put(last, value);
    } else if (parent instanceof List<?> l) {
      List<Object> list = Tree.list(l);
      list.add(last.equals("-") ? list.size() : index(last, list.size(), path, where), value);
    } else {
      throw new RenderException(where + ": JSON patch path " + path + " does not exist");
    }
  }

  private static void remove(Map<String, Object> doc, String path, String where) {
    List<String> ts = tokens(path, where);
    Object parent = doc;
    for (String t : ts.subList(0, ts.size() - 1)) {
      parent = child(parent, t, path, where);
    }
    String last = ts.get(ts.size() - 1);
    if (parent instanceof Map<?, ?> m && m.containsKey(last)) {
      m.remove(last);
    } else if (parent instanceof List<?> l) {
      Tree.list(l).remove(index(last, l.size() - 1, path, where));
    } else {
      throw new RenderException(where + ": JSON patch path " + path + " does not exist");
    }
  }
}
