package dev.hoist.yaml;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a string written plain would be read back by go-yaml v2 (YAML 1.1 rules) as something
 * other than a string: bool, null, int, float, timestamp, or a base 60 float (resolve.go and
 * encode.go's stringv).
 */
final class PlainResolver {
  private static final Set<String> SPECIAL =
      Set.of(
          "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "n", "N", "no",
          "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "", "~", "null", "Null",
          "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
          "-.inf", "-.Inf", "-.INF", "<<");
  private static final Pattern YAML_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern DOT_FLOAT =
      Pattern.compile("\\.[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?");
  private static final Pattern BASE60 =
      Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");

  private PlainResolver() {}

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
    return switch (hint) {
      case '.' -> !DOT_FLOAT.matcher(s).matches() || Double.isInfinite(parseDouble(s));
      case 'D', 'S' -> {
        if (YamlTimestamps.isTimestamp(s)) {
          yield false;
        }
        String plain = s.replace("_", "");
        if (GoIntegers.parseInt(plain) != null || GoIntegers.parseUint(plain) != null) {
          yield false;
        }
        yield !YAML_FLOAT.matcher(plain).matches() || Double.isInfinite(Double.parseDouble(plain));
      }
      default -> true;
    };
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
}
