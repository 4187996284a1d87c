package dev.hoist.flux;

import dev.hoist.yaml.GoYamlWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for the object trees handed to {@link GoYamlWriter}. */
final class Trees {
  private Trees() {}

  /** A copy with every {@link Duration} written as Go prints it. */
  static Object plain(Object value) {
    if (value instanceof Duration d) {
      return GoYamlWriter.goDuration(d);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, plain(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(plain(v)));
      return out;
    }
    return value;
  }

  /** Puts every entry of {@code extra} (made plain) into {@code spec}, replacing what is there. */
  static void merge(Map<String, Object> spec, Map<String, Object> extra) {
    extra.forEach((k, v) -> spec.put(k, plain(v)));
  }

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        out.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return out;
  }

  /**
   * Flux dependency references from {@code names}, each a plain name or "namespace/name" (the CLI's
   * --depends-on form).
   */
  static List<Object> dependsOn(List<String> names) {
    List<Object> out = new ArrayList<>();
    for (String n : names) {
      int slash = n.indexOf('/');
      out.add(
          slash < 0
              ? map("name", n)
              : map("name", n.substring(slash + 1), "namespace", n.substring(0, slash)));
    }
    return out;
  }

  static Map<String, Object> object(
      String apiVersion, String kind, String name, String namespace, Map<String, Object> spec) {
    return map(
        "apiVersion",
        apiVersion,
        "kind",
        kind,
        "metadata",
        map("name", name, "namespace", namespace),
        "spec",
        spec);
  }
}
