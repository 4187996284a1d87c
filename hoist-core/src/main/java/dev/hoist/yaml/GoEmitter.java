package dev.hoist.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A port of the parts of go-yaml v2's emitter (emitterc.go) that {@code yaml.Marshal} of a
 * JSON-like tree uses: block mappings and sequences, empty flow collections, and the four scalar
 * styles.
 */
final class GoEmitter {
  private final EmitterOutput out;
  private int flowLevel;
  private boolean simpleKeyContext;
  private boolean mappingContext;

  GoEmitter(int bestWidth) {
    this.out = new EmitterOutput(bestWidth);
  }

  String emit(Object root) {
    node(root, false, false);
    out.writeIndent();
    return out.toString();
  }

  private void node(Object value, boolean mapping, boolean simpleKey) {
    mappingContext = mapping;
    simpleKeyContext = simpleKey;
    if (value instanceof Map<?, ?> map) {
      mapping(map);
    } else if (value instanceof List<?> list) {
      sequence(list);
    } else {
      scalar(value);
    }
  }

  private void mapping(Map<?, ?> map) {
    if (map.isEmpty()) {
      emptyFlow("{", "}");
      return;
    }
    List<String> keys = new ArrayList<>();
    for (Object k : map.keySet()) {
      if (!(k instanceof String s)) {
        throw new IllegalArgumentException("YAML map key is not a string: " + k);
      }
      keys.add(s);
    }
    GoKeyOrder.sort(keys);
    int saved = out.indent();
    out.increaseIndent(false, false);
    for (String key : keys) {
      out.writeIndent();
      ScalarAnalysis a = new ScalarAnalysis(key);
      boolean simple =
          !a.multiline && key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 128;
      if (simple) {
        node(key, true, true);
        out.writeIndicator(":", false, false, false);
      } else {
        out.writeIndicator("?", true, false, true);
        node(key, true, false);
        out.writeIndent();
        out.writeIndicator(":", true, false, true);
      }
      node(map.get(key), true, false);
    }
    out.setIndent(saved);
  }

  private void sequence(List<?> list) {
    if (list.isEmpty()) {
      emptyFlow("[", "]");
      return;
    }
    int saved = out.indent();
    out.increaseIndent(false, mappingContext && !out.indention());
    for (Object item : list) {
      out.writeIndent();
      out.writeIndicator("-", true, false, true);
      node(item, false, false);
    }
    out.setIndent(saved);
  }

  private void emptyFlow(String open, String close) {
    out.writeIndicator(open, true, true, false);
    int saved = out.indent();
    out.increaseIndent(true, false);
    flowLevel++;
    flowLevel--;
    out.setIndent(saved);
    out.writeIndicator(close, false, false, false);
  }

  private void scalar(Object value) {
    ScalarStyle requested;
    String text;
    if (value == null) {
      text = "null";
      requested = ScalarStyle.PLAIN;
    } else if (value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof java.math.BigInteger) {
      text = value.toString();
      requested = ScalarStyle.PLAIN;
    } else if (value instanceof Double d) {
      text = GoFloat.format(d);
      requested = ScalarStyle.PLAIN;
    } else if (value instanceof String s) {
      text = s;
      checkWellFormed(s);
      if (s.contains("\n")) {
        requested = ScalarStyle.LITERAL;
      } else if (PlainResolver.plainReadsAsString(s)) {
        requested = ScalarStyle.PLAIN;
      } else {
        requested = ScalarStyle.DOUBLE;
      }
    } else {
      throw new IllegalArgumentException(
          "cannot write " + value.getClass().getSimpleName() + " as YAML: " + value);
    }
    ScalarAnalysis a = new ScalarAnalysis(text);
    ScalarStyle style = selectStyle(requested, a);
    int saved = out.indent();
    out.increaseIndent(true, false);
    ScalarWriter w = new ScalarWriter(out, a.cps, !simpleKeyContext);
    switch (style) {
      case PLAIN -> w.plain();
      case SINGLE -> w.singleQuoted();
      case DOUBLE -> w.doubleQuoted();
      case LITERAL -> w.literal();
      default -> throw new IllegalStateException();
    }
    out.setIndent(saved);
  }

  private static void checkWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "string is not valid Unicode (lone surrogate at " + i + ")");
      }
    }
  }

  private ScalarStyle selectStyle(ScalarStyle requested, ScalarAnalysis a) {
    ScalarStyle style = requested;
    if (simpleKeyContext && a.multiline) {
      style = ScalarStyle.DOUBLE;
    }
    if (style == ScalarStyle.PLAIN) {
      if ((flowLevel > 0 && !a.flowPlainAllowed) || (flowLevel == 0 && !a.blockPlainAllowed)) {
        style = ScalarStyle.SINGLE;
      }
      if (a.cps.length == 0 && (flowLevel > 0 || simpleKeyContext)) {
        style = ScalarStyle.SINGLE;
      }
    }
    if (style == ScalarStyle.SINGLE && !a.singleQuotedAllowed) {
      style = ScalarStyle.DOUBLE;
    }
    if (style == ScalarStyle.LITERAL && (!a.blockAllowed || flowLevel > 0 || simpleKeyContext)) {
      style = ScalarStyle.DOUBLE;
    }
    return style;
  }

  enum ScalarStyle {
    PLAIN,
    SINGLE,
    DOUBLE,
    LITERAL
  }
}
