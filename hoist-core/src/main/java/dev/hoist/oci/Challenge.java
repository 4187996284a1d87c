package dev.hoist.oci;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge: its scheme ({@code basic} or {@code bearer}) and
 * parameters.
 */
record Challenge(String scheme, Map<String, String> params) {

  boolean bearer() {
    return scheme.equals("bearer");
  }

  boolean basic() {
    return scheme.equals("basic");
  }

  String param(String name) {
    return params.get(name);
  }

  /** The first Bearer challenge among the headers, else the first Basic one, else empty. */
  static Optional<Challenge> select(List<String> headerValues) {
    Challenge basic = null;
    for (String value : headerValues) {
      Challenge c = parse(value);
      if (c.bearer() && c.param("realm") != null) {
        return Optional.of(c);
      }
      if (c.basic() && basic == null) {
        basic = c;
      }
    }
    return Optional.ofNullable(basic);
  }

  /** Parses {@code Scheme k="v", k2=v2}; quoted values may hold commas and escaped quotes. */
  static Challenge parse(String header) {
    String s = header.trim();
    int space = s.indexOf(' ');
    String scheme = (space < 0 ? s : s.substring(0, space)).toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    int i = space < 0 ? s.length() : space + 1;
    while (i < s.length()) {
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
        i++;
      }
      int eq = s.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String key = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      i = eq + 1;
      if (i < s.length() && s.charAt(i) == '"') {
        for (i++; i < s.length() && s.charAt(i) != '"'; i++) {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          value.append(s.charAt(i));
        }
        i++;
      } else {
        for (; i < s.length() && s.charAt(i) != ','; i++) {
          value.append(s.charAt(i));
        }
      }
      params.put(key, value.toString().trim());
    }
    return new Challenge(scheme, Map.copyOf(params));
  }
}
