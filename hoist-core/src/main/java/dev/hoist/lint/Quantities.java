package dev.hoist.lint;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities ({@code 512Mi}, {@code 1G}, {@code 0.5}) as numbers. */
final class Quantities {
  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
          Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
          Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
          Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")));

  private Quantities() {}

  /** The quantity's value, or null when it is not one (validate reports those). */
  static BigDecimal parse(Object quantity) {
    if (quantity == null) {
      return null;
    }
    String s = String.valueOf(quantity).trim();
    for (int cut = Math.min(2, s.length()); cut >= 1; cut--) {
      BigDecimal factor = SUFFIXES.get(s.substring(s.length() - cut));
      if (factor != null) {
        return number(s.substring(0, s.length() - cut), factor);
      }
    }
    return number(s, BigDecimal.ONE);
  }

  private static BigDecimal number(String digits, BigDecimal factor) {
    try {
      return new BigDecimal(digits).multiply(factor);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
