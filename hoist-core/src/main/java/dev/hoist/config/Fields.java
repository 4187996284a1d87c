package dev.hoist.config;

import dev.hoist.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one hoist.yaml mapping with a path ({@code apps[0].jar}) for every error,
 * records each field's line, and refuses keys nobody asked for.
 */
final class Fields {
  static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private final String file;
  private final String path;
  private final YamlNode.Mapping node;
  private final Map<String, Integer> lines;
  private final Set<String> seen = new LinkedHashSet<>();

  Fields(String file, String path, YamlNode node, Map<String, Integer> lines) {
    this.file = file;
    this.path = path;
    this.lines = lines;
    if (!(node instanceof YamlNode.Mapping mapping)) {
      throw new ConfigException(
          file
              + ":"
              + node.line()
              + ": "
              + (path.isEmpty() ? "document" : path)
              + ": expected a mapping, found "
              + YamlNode.describe(node));
    }
    this.node = mapping;
  }

  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  ConfigException error(String key, String message) {
    int line = node.keyLines().getOrDefault(key, node.line());
    return new ConfigException(file + ":" + line + ": " + path(key) + ": " + message);
  }

  ConfigException error(YamlNode at, String field, String message) {
    return new ConfigException(file + ":" + at.line() + ": " + field + ": " + message);
  }

  /** The raw node, or null when absent or null. */
  YamlNode node(String key) {
    seen.add(key);
    YamlNode value = node.entries().get(key);
    if (value == null || (value instanceof YamlNode.Scalar s && s.isNull())) {
      return null;
    }
    lines.put(path(key), node.keyLines().get(key));
    return value;
  }

  String string(String key, String fallback) {
    YamlNode value = node(key);
    if (value == null) {
      return fallback;
    }
    return scalar(value, path(key));
  }

  String required(String key) {
    String value = string(key, null);
    if (value == null || value.isBlank()) {
      throw error(key, "required");
    }
    return value;
  }

  String scalar(YamlNode value, String field) {
    if (!(value instanceof YamlNode.Scalar s)) {
      throw error(value, field, "expected a string, found " + YamlNode.describe(value));
    }
    return s.text();
  }

  String dnsLabel(String key, String fallback) {
    String value = key == null ? fallback : string(key, fallback);
    if (value != null && !DNS_LABEL.matcher(value).matches()) {
      throw error(
          key,
          "'" + value + "' is not a DNS-1123 label (lower-case letters, digits, '-', at most 63)");
    }
    return value;
  }

  boolean bool(String key, boolean fallback) {
    String value = string(key, null);
    if (value == null) {
      return fallback;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(key, "expected true or false, found '" + value + "'");
    };
  }

  List<YamlNode> list(String key) {
    YamlNode value = node(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof YamlNode.Sequence seq)) {
      throw error(key, "expected a list, found " + YamlNode.describe(value));
    }
    return seq.items();
  }

  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    List<YamlNode> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      out.add(scalar(items.get(i), path(key) + "[" + i + "]"));
    }
    return out;
  }

  Map<String, String> stringMap(String key) {
    YamlNode value = node(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (value == null) {
      return out;
    }
    Fields inner = new Fields(file, path(key), value, lines);
    for (String k : inner.node.entries().keySet()) {
      out.put(k, inner.string(k, ""));
    }
    return out;
  }

  Fields child(String key) {
    YamlNode value = node(key);
    return value == null ? null : new Fields(file, path(key), value, lines);
  }

  /** Fails on the first key that was never read. */
  void finish() {
    for (String key : node.entries().keySet()) {
      if (!seen.contains(key)) {
        throw error(key, "unknown key '" + key + "' (allowed: " + String.join(", ", seen) + ")");
      }
    }
  }

  String file() {
    return file;
  }

  Map<String, Integer> lines() {
    return lines;
  }
}
