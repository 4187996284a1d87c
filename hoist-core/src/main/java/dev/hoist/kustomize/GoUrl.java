package dev.hoist.kustomize;

/**
 * The checks of Go's {@code url.Parse} that can fail for a JSON reference ({@code $ref}, {@code
 * $schema}): control characters, a missing scheme before ':', a colon in a scheme-less first
 * segment and malformed percent escapes (the query is not checked, as in Go). Also says which
 * references name a definition unchanged after Go's parsing and normalization.
 */
final class GoUrl {
  private GoUrl() {}

  static void check(String s, String at) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new RenderException(at + ": invalid control character in URL " + quoted(s));
      }
    }
    int hash = s.indexOf('#');
    String rest = hash < 0 ? s : s.substring(0, hash);
    if (hash >= 0) {
      escapes(s.substring(hash + 1), s, at);
    }
    int query = rest.indexOf('?');
    if (query >= 0) {
      rest = rest.substring(0, query);
    }
    int colon = schemeEnd(rest);
    if (colon == 0) {
      throw new RenderException(at + ": missing protocol scheme in URL " + quoted(s));
    }
    if (colon < 0 && !rest.startsWith("/")) {
      int slash = rest.indexOf('/');
      String first = slash < 0 ? rest : rest.substring(0, slash);
      if (first.contains(":")) {
        throw new RenderException(
            at + ": first path segment in URL cannot contain colon: " + quoted(s));
      }
    }
    escapes(colon > 0 ? rest.substring(colon + 1) : rest, s, at);
  }

  /**
   * True when Go's jsonreference would print {@code s} back unchanged, so kustomize's lookup of the
   * referenced definition by that text finds the definition named {@code s}: plain path characters
   * only.
   */
  static boolean roundTrips(String s) {
    if (s.contains("//") || s.contains(":")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~/#".indexOf(c) >= 0;
      if (!plain) {
        return false;
      }
    }
    return s.indexOf('#') == s.lastIndexOf('#');
  }

  /** Index of the scheme's ':' (0 for a leading ':'), or -1 when there is no scheme. */
  private static int schemeEnd(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return -1;
        }
        continue;
      }
      return c == ':' ? i : -1;
    }
    return -1;
  }

  private static void escapes(String part, String s, String at) {
    for (int i = 0; i < part.length(); i++) {
      if (part.charAt(i) == '%') {
        if (!hex(part, i + 1) || !hex(part, i + 2)) {
          throw new RenderException(at + ": invalid URL escape in " + quoted(s));
        }
      }
    }
  }

  private static boolean hex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }

  private static String quoted(String s) {
    return "\"" + s + "\"";
  }
}
