package dev.hoist.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

/**
 * Go's time.Duration: String() formatting and ParseDuration parsing, on nanosecond int64 values.
 */
final class GoDuration {
  private static final Map<String, Long> UNITS =
      Map.of(
          "ns",
          1L,
          "us",
          1_000L,
          "\u00b5s",
          1_000L,
          "\u03bcs",
          1_000L,
          "ms",
          1_000_000L,
          "s",
          1_000_000_000L,
          "m",
          60_000_000_000L,
          "h",
          3_600_000_000_000L);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private GoDuration() {}

  static String format(Duration d) {
    long ns;
    try {
      ns = d.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration too large for Go: " + d);
    }
    if (ns == 0) {
      return "0s";
    }
    boolean neg = ns < 0;
    BigInteger u = BigInteger.valueOf(ns).abs();
    long v = u.longValue(); // fits: |Long.MIN_VALUE| handled below via unsigned arithmetic
    StringBuilder sb = new StringBuilder();
    if (Long.compareUnsigned(v, 1_000_000_000L) < 0) {
      String unit;
      int prec;
      if (v < 1_000L) {
        sb.append(v).append("ns");
        return (neg ? "-" : "") + sb;
      } else if (v < 1_000_000L) {
        unit = "\u00b5s";
        prec = 3;
      } else {
        unit = "ms";
        prec = 6;
      }
      return (neg ? "-" : "") + withFraction(v, prec) + unit;
    }
    String seconds = withFraction(Long.remainderUnsigned(v, 60_000_000_000L), 9) + "s";
    long minutes = Long.divideUnsigned(v, 60_000_000_000L);
    if (minutes == 0) {
      return (neg ? "-" : "") + seconds;
    }
    String result = (minutes % 60) + "m" + seconds;
    long hours = minutes / 60;
    if (hours > 0) {
      result = hours + "h" + result;
    }
    return (neg ? "-" : "") + result;
  }

  /** {@code v} divided by 10^prec, printed with the fraction's trailing zeros dropped. */
  private static String withFraction(long v, int prec) {
    long scale = 1;
    for (int i = 0; i < prec; i++) {
      scale *= 10;
    }
    long whole = Long.divideUnsigned(v, scale);
    long frac = Long.remainderUnsigned(v, scale);
    if (frac == 0) {
      return Long.toUnsignedString(whole);
    }
    String f = String.format("%0" + prec + "d", frac).replaceAll("0+$", "");
    return Long.toUnsignedString(whole) + "." + f;
  }

  static Duration parse(String value) {
    if (value == null) {
      throw new IllegalArgumentException("invalid duration: null");
    }
    String s = value;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(value, "empty");
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length()
          && ((Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty()
          || number.equals(".")
          || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(value, "expected a number at \"" + s.substring(start) + "\"");
      }
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !(s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw invalid(value, "missing unit (ns, us, ms, s, m, h)");
      }
      Long scale = UNITS.get(unit);
      if (scale == null) {
        throw invalid(value, "unknown unit \"" + unit + "\"");
      }
      total =
          total.add(
              new BigDecimal(number.startsWith(".") ? "0" + number : number)
                  .multiply(BigDecimal.valueOf(scale)));
    }
    BigInteger ns = total.toBigInteger();
    if (ns.compareTo(MAX) > 0) {
      throw invalid(value, "overflow");
    }
    return Duration.ofNanos(neg ? -ns.longValueExact() : ns.longValueExact());
  }

  private static IllegalArgumentException invalid(String value, String why) {
    return new IllegalArgumentException("invalid duration \"" + value + "\": " + why);
  }
}
