package dev.hoist.yaml;

import static dev.hoist.yaml.ScalarAnalysis.isBreak;
import static dev.hoist.yaml.ScalarAnalysis.isPrintable;
import static dev.hoist.yaml.ScalarAnalysis.isSpace;

/** Writes one scalar in a given style, as go-yaml v2's emitter does (write_plain/single/double/literal). */
final class ScalarWriter {
  private final GoEmitter e;
  private final int[] v;
  private final boolean allowBreaks;

  ScalarWriter(GoEmitter emitter, int[] value, boolean allowBreaks) {
    this.e = emitter;
    this.v = value;
    this.allowBreaks = allowBreaks;
  }

  private boolean spaceAt(int i) {
    return i < v.length && isSpace(v[i]);
  }

  void plain() {
    if (!e.whitespace()) {
      e.put(' ');
    }
    boolean spaces = false;
    boolean breaks = false;
    for (int i = 0; i < v.length; i++) {
      int c = v[i];
      if (isSpace(c)) {
        if (allowBreaks && !spaces && e.column() > e.bestWidth() && !spaceAt(i + 1)) {
          e.writeIndent();
        } else {
          e.put(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c == '\n') {
          e.putBreak();
        }
        e.writeBreak(c);
        e.setIndention(true);
        breaks = true;
      } else {
        if (breaks) {
          e.writeIndent();
        }
        e.put(c);
        e.setIndention(false);
        spaces = false;
        breaks = false;
      }
    }
    e.setWhitespace(false);
    e.setIndention(false);
  }

  void singleQuoted() {
    e.writeIndicator("'", true, false, false);
    boolean spaces = false;
    boolean breaks = false;
    for (int i = 0; i < v.length; i++) {
      int c = v[i];
      if (isSpace(c)) {
        if (allowBreaks && !spaces && e.column() > e.bestWidth() && i > 0 && i < v.length - 1 && !spaceAt(i + 1)) {
          e.writeIndent();
        } else {
          e.put(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c == '\n') {
          e.putBreak();
        }
        e.writeBreak(c);
        e.setIndention(true);
        breaks = true;
      } else {
        if (breaks) {
          e.writeIndent();
        }
        if (c == '\'') {
          e.put('\'');
        }
        e.put(c);
        e.setIndention(false);
        spaces = false;
        breaks = false;
      }
    }
    e.writeIndicator("'", false, false, false);
    e.setWhitespace(false);
    e.setIndention(false);
  }

  void doubleQuoted() {
    boolean spaces = false;
    e.writeIndicator("\"", true, false, false);
    boolean bom = v.length > 0 && v[0] == 0xFEFF; // go-yaml checks the start of the value for every character
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

  void literal() {
    e.writeIndicator("|", true, false, false);
    blockHints();
    e.putBreak();
    e.setIndention(true);
    e.setWhitespace(true);
    boolean breaks = true;
    for (int c : v) {
      if (isBreak(c)) {
        e.writeBreak(c);
        e.setIndention(true);
        breaks = true;
      } else {
        if (breaks) {
          e.writeIndent();
        }
        e.put(c);
        e.setIndention(false);
        breaks = false;
      }
    }
  }

  private void blockHints() {
    if (v.length > 0 && (isSpace(v[0]) || isBreak(v[0]))) {
      e.writeIndicator(String.valueOf((char) ('0' + e.bestIndent())), false, false, false);
    }
    String chomp = null;
    int n = v.length;
    if (n == 0 || !isBreak(v[n - 1])) {
      chomp = "-";
    } else if (n == 1 || isBreak(v[n - 2])) {
      chomp = "+";
    }
    if (chomp != null) {
      e.writeIndicator(chomp, false, false, false);
    }
  }
}
