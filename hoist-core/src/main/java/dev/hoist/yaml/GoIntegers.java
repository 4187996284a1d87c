package dev.hoist.yaml;

import java.math.BigInteger;

/**
 * Go's strconv integer parsing with base 0 (prefixes 0x, 0o, 0b and a leading 0 for octal), 64
 * bits.
 */
final class GoIntegers {
  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger INT64_CUTOFF = BigInteger.ONE.shiftLeft(63);

  private GoIntegers() {}

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
    if ((!neg && u.compareTo(INT64_CUTOFF) >= 0) || (neg && u.compareTo(INT64_CUTOFF) > 0)) {
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
}
