package dev.hoist.kustomize;

import dev.hoist.yaml.YamlTimestamps;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * go-yaml v3's resolution of plain scalars: YAML 1.2 core rules plus its compatibility (underscores
 * in numbers, {@code 0777} octal), timestamps as the RFC 3339 text Go's JSON encoder prints.
 */
final class PlainScalars {
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  private PlainScalars() {}

  /** go-yaml v3's resolution of a plain scalar. */
  static Object resolve(String in) {
    switch (in) {
      case "", "~", "null", "Null", "NULL" -> {
        return null;
      }
      case "true", "True", "TRUE" -> {
        return true;
      }
      case "false", "False", "FALSE" -> {
        return false;
      }
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> {
        // printing it fails (JSON has no infinity), as in kustomize
        return Double.POSITIVE_INFINITY;
      }
      case "-.inf", "-.Inf", "-.INF" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case ".nan", ".NaN", ".NAN" -> {
        return Double.NaN;
      }
      default -> {}
    }
    char c = in.charAt(0);
    if (c == '.') {
      try {
        return Double.parseDouble(in);
      } catch (NumberFormatException e) {
        return in;
      }
    }
    if (!((c >= '0' && c <= '9') || c == '-' || c == '+')) {
      return in;
    }
    String timestamp =
        YamlTimestamps.rfc3339(in); // IllegalArgumentException: an offset Go cannot encode
    if (timestamp != null) {
      return timestamp;
    }
    String plain = in.replace("_", "");
    BigInteger big = parseGoInt(plain);
    if (big != null) {
      if (big.bitLength() < 64) {
        return big.longValue();
      }
      if (big.signum() > 0 && big.bitLength() == 64) {
        return big;
      }
    }
    if (FLOAT.matcher(plain).matches()) {
      return Double.parseDouble(plain);
    }
    return in;
  }

  private static BigInteger parseGoInt(String s) {
    String body = s;
    boolean neg = false;
    if (body.startsWith("-") || body.startsWith("+")) {
      neg = body.startsWith("-");
      body = body.substring(1);
    }
    int radix = 10;
    if (body.startsWith("0x") || body.startsWith("0X")) {
      radix = 16;
      body = body.substring(2);
    } else if (body.startsWith("0o") || body.startsWith("0O")) {
      radix = 8;
      body = body.substring(2);
    } else if (body.startsWith("0b") || body.startsWith("0B")) {
      radix = 2;
      body = body.substring(2);
    } else if (body.length() > 1 && body.startsWith("0")) {
      radix = 8;
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      return null;
    }
    for (int i = 0; i < body.length(); i++) {
      if (Character.digit(body.charAt(i), radix) < 0) {
        return null;
      }
    }
    BigInteger v = new BigInteger(body, radix);
    return neg ? v.negate() : v;
  }
}
