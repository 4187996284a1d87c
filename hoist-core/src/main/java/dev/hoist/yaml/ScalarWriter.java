package dev.hoist.yaml;

import static dev.hoist.yaml.ScalarAnalysis.isBreak;
import static dev.hoist.yaml.ScalarAnalysis.isSpace;

/**
 * Writes one scalar in a given style, as go-yaml v2's emitter does
 * (write_plain/single/double/literal).
 */
final class ScalarWriter {
  private final EmitterOutput e;
  private final int[] v;
  private final boolean allowBreaks;

  ScalarWriter(EmitterOutput emitter, int[] value, boolean allowBreaks) {
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
        if (allowBreaks
            && !spaces
            && e.column() > e.bestWidth()
            && i > 0
            && i < v.length - 1
            && !spaceAt(i + 1)) {
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
    new DoubleQuotedWriter(e, v, allowBreaks).write();
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
      e.writeIndicator(String.valueOf(EmitterOutput.BEST_INDENT), false, false, false);
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
