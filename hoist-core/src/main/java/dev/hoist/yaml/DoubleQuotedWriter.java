package dev.hoist.yaml;

import static dev.hoist.yaml.ScalarAnalysis.isBreak;
import static dev.hoist.yaml.ScalarAnalysis.isPrintable;
import static dev.hoist.yaml.ScalarAnalysis.isSpace;

/**
 * Writes a double-quoted scalar with go-yaml v2's escapes
 * (yaml_emitter_write_double_quoted_scalar).
 */
final class DoubleQuotedWriter {
  private final EmitterOutput e;
  private final int[] v;
  private final boolean allowBreaks;

  DoubleQuotedWriter(EmitterOutput out, int[] value, boolean allowBreaks) {
    this.e = out;
    this.v = value;
    this.allowBreaks = allowBreaks;
  }

  private boolean spaceAt(int i) {
    return i < v.length && isSpace(v[i]);
  }

  void write() {
    boolean spaces = false;
    e.writeIndicator("\"", true, false, false);
    boolean bom =
        v.length > 0 && v[0] == 0xFEFF; // go-yaml checks the start of the value for every character
    for (int i = 0; i < v.length; i++) {
      int c = v[i];
      if (!isPrintable(c) || bom || isBreak(c) || c == '"' || c == '\\') {
        e.put('\\');
        escape(c);
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && e.column() > e.bestWidth() && i > 0 && i < v.length - 1) {
          e.writeIndent();
          if (spaceAt(i + 1)) {
            e.put('\\');
          }
        } else {
          e.put(c);
        }
        spaces = true;
      } else {
        e.put(c);
        spaces = false;
      }
    }
    e.writeIndicator("\"", false, false, false);
    e.setWhitespace(false);
    e.setIndention(false);
  }

  private void escape(int c) {
    switch (c) {
      case 0x00 -> e.put('0');
      case 0x07 -> e.put('a');
      case 0x08 -> e.put('b');
      case 0x09 -> e.put('t');
      case 0x0A -> e.put('n');
      case 0x0B -> e.put('v');
      case 0x0C -> e.put('f');
      case 0x0D -> e.put('r');
      case 0x1B -> e.put('e');
      case 0x22 -> e.put('"');
      case 0x5C -> e.put('\\');
      case 0x85 -> e.put('N');
      case 0xA0 -> e.put('_');
      case 0x2028 -> e.put('L');
      case 0x2029 -> e.put('P');
      default -> {
        int width;
        if (c <= 0xFF) {
          e.put('x');
          width = 2;
        } else if (c <= 0xFFFF) {
          e.put('u');
          width = 4;
        } else {
          e.put('U');
          width = 8;
        }
        for (int k = (width - 1) * 4; k >= 0; k -= 4) {
          int digit = (c >> k) & 0x0F;
          e.put(digit < 10 ? '0' + digit : 'A' + digit - 10);
        }
      }
    }
  }
}
