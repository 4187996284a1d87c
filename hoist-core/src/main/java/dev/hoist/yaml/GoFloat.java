package dev.hoist.yaml;

import java.math.BigDecimal;

/**
 * Go's {@code strconv.FormatFloat(f, 'g', -1, 64)} as go-yaml v2 writes floats ({@code .inf},
 * {@code .nan}).
 */
public final class GoFloat {
  private GoFloat() {}

  public static String format(double d) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int exp = digits.length() - 1 - bd.scale();
    StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
    if (exp < -4 || exp >= 6) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      sb.append(a < 10 ? "0" + a : Integer.toString(a));
    } else if (exp < 0) {
      sb.append("0.").append("0".repeat(-exp - 1)).append(digits);
    } else if (digits.length() <= exp + 1) {
      sb.append(digits).append("0".repeat(exp + 1 - digits.length()));
    } else {
      sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
    }
    return sb.toString();
  }
}
