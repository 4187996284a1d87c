package dev.hoist.yaml;

/**
 * The output side of go-yaml v2's emitter: the text written so far, the column, the current
 * indentation and the whitespace/indention flags that decide where spaces and line breaks go.
 */
final class EmitterOutput {
  static final int BEST_INDENT = 2;
  private final StringBuilder out = new StringBuilder();
  private final int bestWidth;
  private int indent = -1;
  private int column;
  private boolean whitespace = true;
  private boolean indention = true;

  EmitterOutput(int bestWidth) {
    this.bestWidth = bestWidth < 0 ? Integer.MAX_VALUE : bestWidth;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  int bestWidth() {
    return bestWidth;
  }

  int column() {
    return column;
  }

  int indent() {
    return indent;
  }

  void setIndent(int value) {
    indent = value;
  }

  boolean whitespace() {
    return whitespace;
  }

  void setWhitespace(boolean value) {
    whitespace = value;
  }

  boolean indention() {
    return indention;
  }

  void setIndention(boolean value) {
    indention = value;
  }

  /** yaml_emitter_increase_indent. */
  void increaseIndent(boolean flow, boolean indentless) {
    if (indent < 0) {
      indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      indent += BEST_INDENT;
    }
  }

  void put(int c) {
    out.appendCodePoint(c);
    column++;
  }

  void putBreak() {
    out.append('\n');
    column = 0;
  }

  /** Copies a line break character from a value: {@code \n} as a break, others as they are. */
  void writeBreak(int c) {
    if (c == '\n') {
      putBreak();
    } else {
      out.appendCodePoint(c);
      column = 0;
    }
  }

  /** yaml_emitter_write_indent: a line break unless already at a fresh indentation, then spaces. */
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

  /** yaml_emitter_write_indicator. */
  void writeIndicator(
      String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
    if (needWhitespace && !whitespace) {
      put(' ');
    }
    indicator.codePoints().forEach(this::put);
    whitespace = isWhitespace;
    indention = indention && isIndention;
  }
}
