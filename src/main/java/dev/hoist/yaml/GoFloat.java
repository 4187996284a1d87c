package dev.hoist.yaml;

import java.math.BigDecimal;

/** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)} as go-yaml v2 writes a float64 ({@code .inf}, {@code .nan}). */
final class GoFloat {
  private GoFloat() {}

  static String format(double f) {
    if (Double.isNaN(f)) {
      return ".nan";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+.inf" : "-.inf";
    }
    if (f == 0) {
      return 1 / f < 0 ? "-0" : "0";
    }
    // the shortest decimal that reads back as f (Java and Go agree on it), as digits and a decimal exponent
    BigDecimal d = new BigDecimal(Double.toString(Math.abs(f))).stripTrailingZeros();
    String digits = d.unscaledValue().toString();
    int exp = digits.length() - d.scale() - 1; // position of the first digit: d.ddd × 10^exp
    String sign = f < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) { // shortest: Go decides with precision 6
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      int abs = Math.abs(exp);
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (abs < 10 ? "0" + abs : Integer.toString(abs));
    }
    return sign + d.toPlainString();
  }
}
