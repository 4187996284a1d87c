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
    if (value == null) {
      // a missing key next to a misspelt one: name the typo, not the absence
      for (String other : node.entries().keySet()) {
        if (!other.equals(key) && !seen.contains(other) && nearMiss(key, other)) {
          throw error(other, "unknown key '" + other + "' (did you mean '" + key + "'?)");
        }
      }
    }
    if (value == null || value.isBlank()) {
      throw error(key, "required");
    }
    return value;
  }

  /** At most two single-character edits apart (Levenshtein), e.g. {@code registy}. */
  static boolean nearMiss(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return false;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()] <= 2;
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

  /** The keys of this mapping, in source order. */
  java.util.Set<String> keys() {
    return node.entries().keySet();
  }

  String file() {
    return file;
  }

  Map<String, Integer> lines() {
    return lines;
  }
}
