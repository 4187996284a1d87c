package dev.hoist.maven;

import dev.hoist.api.HoistFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code NAME=value} list parameters (settable from one user property) as a map. */
final class Pairs {
  private Pairs() {}

  static Map<String, String> of(String parameter, List<String> pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    if (pairs == null) {
      return map;
    }
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new HoistFailure(
            HoistFailure.USAGE,
            parameter + ": '" + pair + "' is not NAME=value (hoist." + parameter + ")",
            null);
      }
      map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
    }
    return map;
  }
}
