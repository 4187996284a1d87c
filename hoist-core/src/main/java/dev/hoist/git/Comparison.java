package dev.hoist.git;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;

/**
 * One comparison of a {@link SemverRange}, e.g. {@code >=1.2} or {@code ~2.x}. Wildcards and
 * missing parts make it "dirty": {@code 1.x} and {@code 1} leave minor and patch open, {@code
 * 1.2.x} and {@code 1.2} the patch.
 */
record Comparison(String op, Semver con, boolean dirty, boolean minorDirty, boolean patchDirty) {

  static Comparison of(String op, Matcher m) {
    String major = m.group(3);
    String minor = m.group(4) == null ? null : m.group(4).substring(1);
    String patch = m.group(5) == null ? null : m.group(5).substring(1);
    List<String> pre =
        m.group(6) == null ? List.of() : List.of(m.group(6).substring(1).split("\\."));
    boolean dirty = false;
    boolean minorDirty = false;
    boolean patchDirty = false;
    if (isX(major)) {
      major = "0";
      minor = "0";
      patch = "0";
      dirty = true;
    } else if (minor == null || isX(minor)) {
      minor = "0";
      patch = "0";
      dirty = true;
      minorDirty = true;
    } else if (patch == null || isX(patch)) {
      patch = "0";
      dirty = true;
      patchDirty = true;
    }
    if (!numeric(major) || !numeric(minor) || !numeric(patch)) {
      throw new IllegalArgumentException("invalid version in semver range: '" + m.group(2) + "'");
    }
    Semver con =
        new Semver(new BigInteger(major), new BigInteger(minor), new BigInteger(patch), pre, null);
    return new Comparison(op, con, dirty, minorDirty, patchDirty);
  }

  private static boolean isX(String part) {
    return part.equals("x") || part.equals("X") || part.equals("*");
  }

  private static boolean numeric(String part) {
    return part.chars().allMatch(Character::isDigit);
  }

  boolean test(Semver v) {
    if (v.isPrerelease() && !con.isPrerelease()) {
      return false;
    }
    return switch (op) {
      case "", "=" -> dirty ? tilde(v) : v.compareTo(con) == 0;
      case "!=" -> notEqual(v);
      case ">" -> greater(v);
      case "<" -> v.compareTo(con) < 0;
      case ">=", "=>" -> v.compareTo(con) >= 0;
      case "<=", "=<" -> lessOrEqual(v);
      case "~", "~>" -> tilde(v);
      case "^" -> caret(v);
      default -> throw new IllegalStateException("operator " + op);
    };
  }

  private boolean notEqual(Semver v) {
    if (!dirty) {
      return v.compareTo(con) != 0;
    }
    if (!v.major().equals(con.major())) {
      return true;
    }
    if (minorDirty) {
      return false;
    }
    if (!v.minor().equals(con.minor())) {
      return true;
    }
    if (!patchDirty) {
      return !v.patch().equals(con.patch()) || v.compareTo(con) != 0;
    }
    return !v.prerelease().equals(con.prerelease());
  }

  private boolean greater(Semver v) {
    if (!dirty) {
      return v.compareTo(con) > 0;
    }
    int major = v.major().compareTo(con.major());
    if (major != 0) {
      return major > 0;
    }
    if (minorDirty) {
      return false;
    }
    if (patchDirty) {
      return v.minor().compareTo(con.minor()) > 0;
    }
    return v.compareTo(con) > 0;
  }

  private boolean lessOrEqual(Semver v) {
    if (!dirty) {
      return v.compareTo(con) <= 0;
    }
    int major = v.major().compareTo(con.major());
    if (major > 0) {
      return false;
    }
    return !(major == 0 && v.minor().compareTo(con.minor()) > 0 && !minorDirty);
  }

  private boolean tilde(Semver v) {
    if (v.compareTo(con) < 0) {
      return false;
    }
    if (isZero() && !minorDirty && !patchDirty) {
      return true;
    }
    return v.major().equals(con.major()) && (minorDirty || v.minor().equals(con.minor()));
  }

  private boolean caret(Semver v) {
    if (v.compareTo(con) < 0) {
      return false;
    }
    if (con.major().signum() > 0 || minorDirty) {
      return v.major().equals(con.major());
    }
    if (v.major().signum() > 0) {
      return false;
    }
    if (con.minor().signum() > 0 || patchDirty) {
      return v.minor().equals(con.minor());
    }
    if (v.minor().signum() > 0) {
      return false;
    }
    return v.patch().equals(con.patch());
  }

  private boolean isZero() {
    return con.major().signum() == 0 && con.minor().signum() == 0 && con.patch().signum() == 0;
  }
}
