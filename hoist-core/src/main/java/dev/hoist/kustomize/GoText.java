package dev.hoist.kustomize;

/** The text Go gives a number or bool where a kustomize plugin config wants a string. */
final class GoText {
  private GoText() {}

  /**
   * sigs.k8s.io/yaml's Unmarshal (lenient decoding here) gives a string field a number or bool as
   * text: an integer (or a float without fraction) in decimal, another float as Go's {@code
   * FormatFloat(f, 'g', -1, 32)} (float32's shortest digits, exponent form below 1e-4 and from
   * 1e6), true or false.
   */
  static Object stringified(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof java.math.BigInteger) {
      return v.toString();
    }
    if (v instanceof Boolean b) {
      return b.toString();
    }
    if (v instanceof Double d) {
      // kustomize hands a plugin its config as JSON (Go's encoder writes 1e6 as 1000000), which
      // goyaml then reads as an integer when it has no fraction
      return integral(d) ? String.valueOf((long) d.doubleValue()) : goFloat32(d);
    }
    return v;
  }

  private static String goFloat32(double d) {
    float f = (float) d;
    if (Float.isNaN(f)) {
      return "NaN";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    if (f == 0) {
      return (1 / f < 0) ? "-0" : "0";
    }
    java.math.BigDecimal b =
        new java.math.BigDecimal(Float.toString(Math.abs(f))).stripTrailingZeros();
    String digits = b.unscaledValue().toString();
    int dp = digits.length() - b.scale(); // the decimal point's position after the first digit
    int exp = dp - 1;
    String sign = f < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String e = String.valueOf(Math.abs(exp));
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
    if (dp <= 0) {
      return sign + "0." + "0".repeat(-dp) + digits;
    }
    if (dp >= digits.length()) {
      return sign + digits + "0".repeat(dp - digits.length());
    }
    return sign + digits.substring(0, dp) + "." + digits.substring(dp);
  }

  /** Whether {@code d} has no fraction and fits a Go int64. */
  static boolean integral(double d) {
    return d == Math.rint(d) && Math.abs(d) < 9.2e18;
  }
}
