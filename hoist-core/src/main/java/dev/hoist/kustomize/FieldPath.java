package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * kustomize's dotted field paths for replacements: {@code spec.containers.[name=app].image}, list
 * indexes ({@code args.0}), {@code [=value]} for scalar list items and {@code *} for every item.
 */
final class FieldPath {
  private FieldPath() {}

  static List<String> split(String path) {
    return splitTopLevel(path, '.', '[', ']');
  }

  /**
   * Splits {@code text} at each {@code separator} that is not inside {@code open}…{@code close}.
   */
  static List<String> splitTopLevel(String text, char separator, char open, char close) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == open) {
        depth++;
      } else if (c == close) {
        depth--;
      }
      if (c == separator && depth == 0) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  static List<Object> get(Object root, String path) {
    List<Object> cur = List.of(root);
    for (String seg : split(path)) {
      List<Object> next = new ArrayList<>();
      for (Object node : cur) {
        next.addAll(children(node, seg));
      }
      cur = next;
    }
    return cur;
  }

  private static List<Object> children(Object node, String seg) {
    List<Object> out = new ArrayList<>();
    if (node instanceof Map<?, ?> m) {
      if (m.containsKey(seg) && m.get(seg) != null) {
        out.add(m.get(seg));
      }
    } else if (node instanceof List<?> l) {
      for (int i : indexes(l, seg)) {
        out.add(l.get(i));
      }
    }
    return out;
  }

  private static List<Integer> indexes(List<?> l, String seg) {
    List<Integer> out = new ArrayList<>();
    if (seg.equals("*")) {
      for (int i = 0; i < l.size(); i++) {
        out.add(i);
      }
    } else if (seg.startsWith("[") && seg.endsWith("]") && seg.contains("=")) {
      String body = seg.substring(1, seg.length() - 1);
      String key = body.substring(0, body.indexOf('='));
      String want = body.substring(body.indexOf('=') + 1);
      for (int i = 0; i < l.size(); i++) {
        Object e = l.get(i);
        Object v = key.isEmpty() ? e : e instanceof Map<?, ?> m ? m.get(key) : null;
        if (v != null
            && !(v instanceof Map<?, ?>)
            && !(v instanceof List<?>)
            && Tree.scalarText(v).equals(want)) {
          out.add(i);
        }
      }
    } else if (seg.matches("[0-9]+")) {
      int i = Integer.parseInt(seg);
      if (i < l.size()) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * Sets every field the path reaches to {@code update(old)}; creates missing maps and lists when
   * allowed.
   */
  static void set(
      Map<String, Object> root,
      String path,
      boolean create,
      UnaryOperator<Object> update,
      String where) {
    List<String> segs = split(path);
    walk(root, segs, 0, create, update, where + ": fieldPath " + path);
  }

  private static void walk(
      Object node,
      List<String> segs,
      int i,
      boolean create,
      UnaryOperator<Object> update,
      String where) {
    String seg = segs.get(i);
    boolean last = i == segs.size() - 1;
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> map = Tree.map(m);
      if (last) {
        if (map.get(seg) != null || create) {
          map.put(seg, update.apply(map.get(seg)));
        }
        return;
      }
      Object child = map.get(seg);
      if (child == null) {
        if (!create) {
          return;
        }
        child =
            segs.get(i + 1).matches("[0-9]+|\\[.*\\]|\\*")
                ? new ArrayList<>()
                : new LinkedHashMap<>();
        map.put(seg, child);
      }
      walk(child, segs, i + 1, create, update, where);
    } else if (node instanceof List<?> l) {
      List<Object> list = Tree.list(l);
      List<Integer> idx = indexes(list, seg);
      if (idx.isEmpty()
          && create
          && seg.matches("[0-9]+")
          && Integer.parseInt(seg) == list.size()) {
        list.add(last ? null : new LinkedHashMap<String, Object>());
        idx = List.of(list.size() - 1);
      }
      for (int at : idx) {
        if (last) {
          list.set(at, update.apply(list.get(at)));
        } else {
          walk(list.get(at), segs, i + 1, create, update, where);
        }
      }
    }
  }
}
