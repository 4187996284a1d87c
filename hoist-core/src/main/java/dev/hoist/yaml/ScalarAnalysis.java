package dev.hoist.yaml;

/**
 * What a scalar's characters allow, as go-yaml v2's emitter decides it
 * (yaml_emitter_analyze_scalar).
 */
final class ScalarAnalysis {
  final int[] cps;
  boolean multiline;
  boolean flowPlainAllowed;
  boolean blockPlainAllowed;
  boolean singleQuotedAllowed;
  boolean blockAllowed;

  ScalarAnalysis(String value) {
    this.cps = value.codePoints().toArray();
    analyze();
  }

  static boolean isSpace(int c) {
    return c == ' ';
  }

  static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }

  static boolean isBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  static boolean isBlankz(int c) {
    return isBlank(c) || isBreak(c) || c == 0;
  }

  /**
   * libyaml's printable set, as encoded UTF-8 up to three bytes (four-byte characters are not
   * printable).
   */
  static boolean isPrintable(int c) {
    return c == 0x0A
        || (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  private void analyze() {
    int n = cps.length;
    if (n == 0) {
      multiline = false;
      flowPlainAllowed = false;
      blockPlainAllowed = true;
      singleQuotedAllowed = true;
      blockAllowed = false;
      return;
    }
    boolean blockIndicators = false;
    boolean flowIndicators = false;
    boolean lineBreaks = false;
    boolean special = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean previousSpace = false;
    boolean previousBreak = false;
    if (n >= 3
        && ((cps[0] == '-' && cps[1] == '-' && cps[2] == '-')
            || (cps[0] == '.' && cps[1] == '.' && cps[2] == '.'))) {
      blockIndicators = true;
      flowIndicators = true;
    }
    boolean precededByWhitespace = true;
    for (int i = 0; i < n; i++) {
      int c = cps[i];
      boolean followedByWhitespace = i + 1 >= n || isBlank(cps[i + 1]);
      if (i == 0) {
        switch (c) {
          case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
            flowIndicators = true;
            blockIndicators = true;
          }
          case '?', ':' -> {
            flowIndicators = true;
            if (followedByWhitespace) {
              blockIndicators = true;
            }
          }
          case '-' -> {
            if (followedByWhitespace) {
              flowIndicators = true;
              blockIndicators = true;
            }
          }
          default -> {}
        }
      } else {
        switch (c) {
          case ',', '?', '[', ']', '{', '}' -> flowIndicators = true;
          case ':' -> {
            flowIndicators = true;
            if (followedByWhitespace) {
              blockIndicators = true;
            }
          }
          case '#' -> {
            if (precededByWhitespace) {
              flowIndicators = true;
              blockIndicators = true;
            }
          }
          default -> {}
        }
      }
      if (!isPrintable(c)) {
        special = true;
      }
      if (isSpace(c)) {
        leadingSpace |= i == 0;
        trailingSpace |= i == n - 1;
        breakSpace |= previousBreak;
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        lineBreaks = true;
        leadingBreak |= i == 0;
        trailingBreak |= i == n - 1;
        spaceBreak |= previousSpace;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlankz(c);
    }
    multiline = lineBreaks;
    flowPlainAllowed = true;
    blockPlainAllowed = true;
    singleQuotedAllowed = true;
    blockAllowed = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      flowPlainAllowed = false;
      blockPlainAllowed = false;
    }
    if (trailingSpace) {
      blockAllowed = false;
    }
    if (breakSpace) {
      flowPlainAllowed = false;
      blockPlainAllowed = false;
      singleQuotedAllowed = false;
    }
    if (spaceBreak || special) {
      flowPlainAllowed = false;
      blockPlainAllowed = false;
      singleQuotedAllowed = false;
      blockAllowed = false;
    }
    if (lineBreaks) {
      flowPlainAllowed = false;
      blockPlainAllowed = false;
    }
    if (flowIndicators) {
      flowPlainAllowed = false;
    }
    if (blockIndicators) {
      blockPlainAllowed = false;
    }
  }
}
