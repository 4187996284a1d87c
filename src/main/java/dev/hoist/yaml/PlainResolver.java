package dev.hoist.yaml;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a string written plain would be read back by go-yaml v2 (YAML 1.1 rules) as something other than a
 * string: bool, null, int, float, timestamp, or a base 60 float (resolve.go and encode.go's stringv).
 */
final class PlainResolver {
  private static final Set<String> SPECIAL = Set.of(
      "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
      "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
      "", "~", "null", "Null", "NULL",
      ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
      "<<");
  private static final Pattern YAML_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?");
  private static final Pattern BASE60 = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger INT64_CUTOFF = BigInteger.ONE.shiftLeft(63);

  private PlainResolver() {
  }

  /** True when {@code s} may be written as a plain scalar and still read as the same string. */
  static boolean plainReadsAsString(String s) {
    return resolvesToString(s) && !isBase60Float(s);
  }

  static boolean resolvesToString(String s) {
    char hint = s.isEmpty() ? 'N' : hint(s.charAt(0));
    if (hint == 0) {
      return true;
    }
    if (SPECIAL.contains(s)) {
      return false;
    }
    switch (hint) {
      case '.':
        return !DOT_FLOAT.matcher(s).matches() || Double.isInfinite(parseDouble(s));
      case 'D':
      case 'S':
        if (Timestamps.isTimestamp(s)) {
          return false;
        }
        String plain = s.replace("_", "");
        if (parseInt(plain) != null || parseUint(plain) != null) {
          return false;
        }
        if (YAML_FLOAT.matcher(plain).matches() && !Double.isInfinite(Double.parseDouble(plain))) {
          return false;
        }
        return true;
      default:
        return true;
    }
  }

  private static double parseDouble(String s) {
    return Double.parseDouble(s.replace("_", ""));
  }

  private static char hint(char c) {
    if (c == '+' || c == '-') {
      return 'S';
    }
    if (c >= '0' && c <= '9') {
      return 'D';
    }
    if ("yYnNtTfFoO~".indexOf(c) >= 0) {
      return 'M';
    }
    return c == '.' ? '.' : 0;
  }

  static boolean isBase60Float(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    if (!(c == '+' || c == '-' || (c >= '0' && c <= '9')) || s.indexOf(':') < 0) {
      return false;
    }
    return BASE60.matcher(s).matches();
  }

  /** Go's strconv.ParseInt(s, 0, 64); null when it fails. */
  static BigInteger parseInt(String s) {
    if (s.isEmpty()) {
      return null;
    }
    boolean neg = false;
    String rest = s;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      neg = s.charAt(0) == '-';
      rest = s.substring(1);
    }
    BigInteger u = parseUint(rest);
    if (u == null) {
      return null;
    }
    if (!neg && u.compareTo(INT64_CUTOFF) >= 0 || neg && u.compareTo(INT64_CUTOFF) > 0) {
      return null;
    }
    return neg ? u.negate() : u;
  }

  /** Go's strconv.ParseUint(s, 0, 64) (underscores already removed); null when it fails. */
  static BigInteger parseUint(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int base = 10;
    String digits = s;
    if (s.charAt(0) == '0') {
      char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
      if (p == 'b' || p == 'o' || p == 'x') {
        base = p == 'b' ? 2 : p == 'o' ? 8 : 16;
        digits = s.substring(2);
      } else {
        base = 8;
        digits = s.substring(1);
      }
    }
    BigInteger v = BigInteger.ZERO;
    for (int i = 0; i < digits.length(); i++) {
      int d = Character.digit(digits.charAt(i), base);
      if (d < 0 || digits.charAt(i) > 'z') {
        return null;
      }
      v = v.multiply(BigInteger.valueOf(base)).add(BigInteger.valueOf(d));
    }
    return v.compareTo(UINT64_MAX) > 0 ? null : v;
  }

  /** The timestamp forms go-yaml v2 resolves from plain scalars. */
  static final class Timestamps {
    private static final Pattern FULL = Pattern.compile(
        "(\\d{4})-(\\d{1,2})-(\\d{1,2})([Tt]| )(\\d{1,2}):(\\d{1,2}):(\\d{1,2})([.,]\\d+)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    private Timestamps() {
    }

    static boolean isTimestamp(String s) {
      if (s.length() < 5 || !s.substring(0, 4).chars().allMatch(c -> c >= '0' && c <= '9') || s.charAt(4) != '-') {
        return false;
      }
      Matcher d = DATE.matcher(s);
      if (d.matches()) {
        return validDate(d);
      }
      Matcher m = FULL.matcher(s);
      if (!m.matches() || !validDate(m)) {
        return false;
      }
      boolean spaced = m.group(4).equals(" ");
      if (spaced == (m.group(9) != null)) {
        return false; // the space form has no zone, the T form needs one
      }
      if (m.group(9) != null && m.group(9).length() == 6) {
        int hh = Integer.parseInt(m.group(9).substring(1, 3));
        int mm = Integer.parseInt(m.group(9).substring(4, 6));
        if (hh > 24 || mm > 60) {
          return false;
        }
      }
      return Integer.parseInt(m.group(5)) < 24 && Integer.parseInt(m.group(6)) < 60
          && Integer.parseInt(m.group(7)) < 60;
    }

    private static boolean validDate(Matcher m) {
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      int day = Integer.parseInt(m.group(3));
      if (month < 1 || month > 12 || day < 1) {
        return false;
      }
      return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }
  }
}
