package dev.hoist.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value with the line it starts on, for error messages. Scalars keep their text: the
 * reader decides what a value means (so YAML 1.1 surprises such as {@code on} or {@code 0777} never
 * turn into booleans or octal numbers behind a user's back).
 */
public sealed interface YamlNode {

  /** 1-based line of the node in its source. */
  int line();

  /** A mapping; keys are scalar strings, in source order, without duplicates. */
  record Mapping(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line)
      implements YamlNode {
    public Mapping {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keyLines = Map.copyOf(keyLines);
    }
  }

  /** A sequence. */
  record Sequence(List<YamlNode> items, int line) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /**
   * A scalar: its text and whether it was written plain (unquoted), which matters for {@code null}
   * ({@code ~}, empty, {@code null}) and booleans.
   */
  record Scalar(String text, boolean plain, int line) implements YamlNode {
    /** A plain {@code null}, {@code ~} or empty value. */
    public boolean isNull() {
      return plain
          && (text.isEmpty()
              || text.equals("~")
              || text.equals("null")
              || text.equals("Null")
              || text.equals("NULL"));
    }
  }

  /** The node's kind for error messages: "a mapping", "a list", "a string". */
  static String describe(YamlNode node) {
    if (node instanceof Mapping) {
      return "a mapping";
    }
    if (node instanceof Sequence) {
      return "a list";
    }
    return ((Scalar) node).isNull() ? "empty" : "a scalar";
  }
}
