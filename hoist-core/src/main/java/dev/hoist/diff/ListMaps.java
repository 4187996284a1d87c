package dev.hoist.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes list-maps in the order of their keys, for comparing: a list whose items are all
 * mappings with a distinct {@code name} (containers, initContainers, env, volumes, volumeMounts,
 * named ports, imagePullSecrets…) is sorted by name; container ports without names by {@code
 * containerPort} and {@code protocol}, Service ports by {@code port} and {@code protocol} — the
 * keys Kubernetes merges these lists by ({@code x-kubernetes-list-map-keys}). Other lists keep
 * their order (it means something: args, command, rules).
 */
final class ListMaps {
  private ListMaps() {}

  @SuppressWarnings("unchecked")
  static Object keyed(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> out.put(k, keyed(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      list.forEach(i -> items.add(keyed(i)));
      for (List<String> key :
          List.of(
              List.of("name"), List.of("containerPort", "protocol"), List.of("port", "protocol"))) {
        if (distinct(items, key)) {
          items.sort(Comparator.comparing(i -> sortKey((Map<?, ?>) i, key)));
          break;
        }
      }
      return items;
    }
    return value;
  }

  static Map<String, Object> keyed(Map<String, Object> object) {
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) keyed((Object) object);
    return out;
  }

  /** Every item is a mapping with the key's first field, and no two share the key. */
  private static boolean distinct(List<Object> items, List<String> key) {
    if (items.size() < 2) {
      return false;
    }
    Set<String> seen = new HashSet<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> m) || m.get(key.get(0)) == null) {
        return false;
      }
      if (!seen.add(sortKey(m, key))) {
        return false;
      }
    }
    return true;
  }

  private static String sortKey(Map<?, ?> item, List<String> key) {
    StringBuilder out = new StringBuilder();
    for (String field : key) {
      Object value = item.get(field);
      String text = value == null ? (field.equals("protocol") ? "TCP" : "") : String.valueOf(value);
      // numbers in numeric order: zero-padded
      out.append(text.matches("\\d{1,18}") ? String.format("%018d", Long.parseLong(text)) : text);
      out.append('\u0000');
    }
    return out.toString();
  }
}
