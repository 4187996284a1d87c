package dev.hoist.artifact;

/**
 * A shell pattern for one path component, with the semantics of Go's {@code path/filepath.Match}:
 * {@code *}, {@code ?}, {@code [...]} classes with {@code ^} negation and ranges, {@code \}
 * escapes. A malformed pattern matches nothing (Flux treats Go's ErrBadPattern as no match).
 */
final class NameGlob {
  private final int[] pattern;
  private final boolean valid;

  NameGlob(String pattern) {
    this.pattern = pattern.codePoints().toArray();
    this.valid = validate();
  }

  boolean matches(String name) {
    return valid && match(0, name.codePoints().toArray(), 0);
  }

  private boolean validate() {
    for (int i = 0; i < pattern.length; i++) {
      if (pattern[i] == '[') {
        int end = classEnd(i);
        if (end < 0) {
          return false;
        }
        i = end - 1;
      } else if (pattern[i] == '\\') {
        if (++i >= pattern.length) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean match(int pi, int[] s, int si) {
    while (pi < pattern.length) {
      int c = pattern[pi];
      if (c == '*') {
        while (pi < pattern.length && pattern[pi] == '*') {
          pi++;
        }
        for (int k = si; k <= s.length; k++) {
          if (match(pi, s, k)) {
            return true;
          }
          if (k < s.length && s[k] == '/') {
            return false;
          }
        }
        return false;
      }
      if (si >= s.length || (s[si] == '/' && c != '/')) {
        return false;
      }
      if (c == '?') {
        pi++;
      } else if (c == '[') {
        int end = classEnd(pi);
        if (!classMatches(pi, s[si])) {
          return false;
        }
        pi = end;
      } else {
        if (c == '\\') {
          c = pattern[++pi];
        }
        if (c != s[si]) {
          return false;
        }
        pi++;
      }
      si++;
    }
    return si == s.length;
  }

  /** Index just past the class starting at {@code start} ('['), or -1 when malformed. */
  private int classEnd(int start) {
    int i = start + 1;
    if (i < pattern.length && pattern[i] == '^') {
      i++;
    }
    int ranges = 0;
    while (true) {
      if (i < pattern.length && pattern[i] == ']' && ranges > 0) {
        return i + 1;
      }
      i = escapedEnd(i);
      if (i < 0) {
        return -1;
      }
      if (i < pattern.length && pattern[i] == '-') {
        i = escapedEnd(i + 1);
        if (i < 0) {
          return -1;
        }
      }
      ranges++;
    }
  }

  /** Index past one (possibly escaped) class character at {@code i}, or -1 when malformed. */
  private int escapedEnd(int i) {
    if (i >= pattern.length || pattern[i] == '-' || pattern[i] == ']') {
      return -1;
    }
    if (pattern[i] == '\\') {
      i++;
      if (i >= pattern.length) {
        return -1;
      }
    }
    return i + 1;
  }

  private boolean classMatches(int start, int ch) {
    int i = start + 1;
    boolean negated = i < pattern.length && pattern[i] == '^';
    if (negated) {
      i++;
    }
    boolean matched = false;
    int ranges = 0;
    while (!(pattern[i] == ']' && ranges > 0)) {
      int lo = pattern[i] == '\\' ? pattern[++i] : pattern[i];
      i++;
      int hi = lo;
      if (pattern[i] == '-') {
        i++;
        hi = pattern[i] == '\\' ? pattern[++i] : pattern[i];
        i++;
      }
      if (lo <= ch && ch <= hi) {
        matched = true;
      }
      ranges++;
    }
    return matched != negated;
  }
}
