package dev.hoist.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.yaml.YamlNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chart.yaml as the JSON Helm stores in a chart's OCI config blob: the fields of Helm's chart
 * metadata in Helm's order, empty ones left out, map keys sorted (as Go's encoder writes them).
 */
final class ChartJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS =
      List.of(
          "name",
          "home",
          "sources",
          "version",
          "description",
          "keywords",
          "maintainers",
          "icon",
          "apiVersion",
          "condition",
          "tags",
          "appVersion",
          "deprecated",
          "annotations",
          "kubeVersion",
          "dependencies",
          "type");
  private static final List<String> DEPENDENCY =
      List.of(
          "name",
          "version",
          "repository",
          "condition",
          "tags",
          "enabled",
          "import-values",
          "alias");

  private ChartJson() {}

  static byte[] config(YamlNode.Mapping meta) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String field : FIELDS) {
      YamlNode node = meta.entries().get(field);
      if (node == null) {
        continue;
      }
      Object value =
          switch (field) {
            case "deprecated" -> bool(node);
            case "dependencies" -> ordered(node, DEPENDENCY);
            case "maintainers" -> ordered(node, List.of("name", "email", "url"));
            default -> plain(node);
          };
      if (value != null && !Boolean.FALSE.equals(value) && !"".equals(value)) {
        out.put(field, value);
      }
    }
    try {
      return JSON.writeValueAsString(out).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A list of mappings written with {@code keys} in that order ({@code enabled} a boolean). */
  private static Object ordered(YamlNode node, List<String> keys) {
    if (!(node instanceof YamlNode.Sequence seq)) {
      return plain(node);
    }
    List<Object> out = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      if (!(item instanceof YamlNode.Mapping m)) {
        out.add(plain(item));
        continue;
      }
      Map<String, Object> dep = new LinkedHashMap<>();
      for (String key : keys) {
        YamlNode v = m.entries().get(key);
        if (v != null) {
          Object value = key.equals("enabled") ? bool(v) : plain(v);
          if (value != null && !"".equals(value) && !Boolean.FALSE.equals(value)) {
            dep.put(key, value);
          }
        }
      }
      out.add(dep);
    }
    return out;
  }

  private static Object bool(YamlNode node) {
    return (node instanceof YamlNode.Scalar s && s.text().equals("true")) ? Boolean.TRUE : null;
  }

  /** Scalars as strings, lists and maps (keys sorted) as they are. */
  static Object plain(YamlNode node) {
    if (node instanceof YamlNode.Scalar s) {
      return s.isNull() ? null : s.text();
    }
    if (node instanceof YamlNode.Sequence seq) {
      List<Object> out = new ArrayList<>();
      seq.items().forEach(i -> out.add(plain(i)));
      return out;
    }
    Map<String, Object> out = new TreeMap<>();
    ((YamlNode.Mapping) node).entries().forEach((k, v) -> out.put(k, plain(v)));
    return out;
  }
}
