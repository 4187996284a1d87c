package dev.hoist.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A port of the parts of go-yaml v2's emitter (emitterc.go) that {@code yaml.Marshal} of a JSON-like tree
 * uses: block mappings and sequences, empty flow collections, and the four scalar styles.
 */
final class GoEmitter {
  private static final int BEST_INDENT = 2;
  private final StringBuilder out = new StringBuilder();
  private final int bestWidth;
  private int indent = -1;
  private int column;
  private boolean whitespace = true;
  private boolean indention = true;
  private int flowLevel;
  private boolean simpleKeyContext;
  private boolean mappingContext;

  GoEmitter(int bestWidth) {
    this.bestWidth = bestWidth < 0 ? Integer.MAX_VALUE : bestWidth;
  }

  String emit(Object root) {
    node(root, false, false);
    writeIndent();
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
    int saved = indent;
    increaseIndent(false, false);
    for (String key : keys) {
      writeIndent();
      ScalarAnalysis a = new ScalarAnalysis(key);
      boolean simple = !a.multiline && key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 128;
      if (simple) {
        node(key, true, true);
        writeIndicator(":", false, false, false);
      } else {
        writeIndicator("?", true, false, true);
        node(key, true, false);
        writeIndent();
        writeIndicator(":", true, false, true);
      }
      node(map.get(key), true, false);
    }
    indent = saved;
  }

  private void sequence(List<?> list) {
    if (list.isEmpty()) {
      emptyFlow("[", "]");
      return;
    }
    int saved = indent;
    increaseIndent(false, mappingContext && !indention);
    for (Object item : list) {
      writeIndent();
      writeIndicator("-", true, false, true);
      node(item, false, false);
    }
    indent = saved;
  }

  private void emptyFlow(String open, String close) {
    writeIndicator(open, true, true, false);
    int saved = indent;
    increaseIndent(true, false);
    flowLevel++;
    flowLevel--;
    indent = saved;
    writeIndicator(close, false, false, false);
  }

  private void scalar(Object value) {
    ScalarStyle requested;
    String text;
    if (value == null) {
      text = "null";
      requested = ScalarStyle.PLAIN;
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      text = value.toString();
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
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as YAML: " + value);
    }
    ScalarAnalysis a = new ScalarAnalysis(text);
    ScalarStyle style = selectStyle(requested, a);
    int saved = indent;
    increaseIndent(true, false);
    ScalarWriter w = new ScalarWriter(this, a.cps, !simpleKeyContext);
    switch (style) {
      case PLAIN -> w.plain();
      case SINGLE -> w.singleQuoted();
      case DOUBLE -> w.doubleQuoted();
      case LITERAL -> w.literal();
      default -> throw new IllegalStateException();
    }
    indent = saved;
  }

  private static void checkWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("string is not valid Unicode (lone surrogate at " + i + ")");
      }
    }
  }

  private ScalarStyle selectStyle(ScalarStyle requested, ScalarAnalysis a) {
    ScalarStyle style = requested;
    if (simpleKeyContext && a.multiline) {
      style = ScalarStyle.DOUBLE;
    }
    if (style == ScalarStyle.PLAIN) {
      if (flowLevel > 0 && !a.flowPlainAllowed || flowLevel == 0 && !a.blockPlainAllowed) {
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

  private void increaseIndent(boolean flow, boolean indentless) {
    if (indent < 0) {
      indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      indent += BEST_INDENT;
    }
  }

  // ---- low-level output, shared with ScalarWriter ----

  int bestWidth() {
    return bestWidth;
  }

  int column() {
    return column;
  }

  int bestIndent() {
    return BEST_INDENT;
  }

  void setWhitespace(boolean value) {
    whitespace = value;
  }

  boolean whitespace() {
    return whitespace;
  }

  void setIndention(boolean value) {
    indention = value;
  }

  void put(int c) {
    out.appendCodePoint(c);
    column++;
  }

  void putBreak() {
    out.append('\n');
    column = 0;
  }

  void writeBreak(int c) {
    if (c == '\n') {
      putBreak();
    } else {
      out.appendCodePoint(c);
      column = 0;
    }
  }

  void writeIndent() {
    int ind = Math.max(indent, 0);
    if (!indention || column > ind || (column == ind && !whitespace)) {
      putBreak();
    }
    while (column < ind) {
      put(' ');
    }
    whitespace = true;
    indention = true;
  }

  void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
    if (needWhitespace && !whitespace) {
      put(' ');
    }
    indicator.codePoints().forEach(this::put);
    whitespace = isWhitespace;
    indention = indention && isIndention;
  }

  enum ScalarStyle { PLAIN, SINGLE, DOUBLE, LITERAL }
}
