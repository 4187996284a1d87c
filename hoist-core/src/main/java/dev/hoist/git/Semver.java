package dev.hoist.git;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version 2.0.0: {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}, ordered by semver
 * precedence.
 */
public record Semver(
    BigInteger major, BigInteger minor, BigInteger patch, List<String> prerelease, String build)
    implements Comparable<Semver> {

  private static final String NUM = "(0|[1-9]\\d*)";
  private static final String ID = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
  private static final Pattern SEMVER =
      Pattern.compile(
          NUM
              + "\\."
              + NUM
              + "\\."
              + NUM
              + "(?:-("
              + ID
              + "(?:\\."
              + ID
              + ")*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  public Semver {
    prerelease = List.copyOf(prerelease);
  }

  /**
   * Parses a version without a {@code v} prefix; throws {@link IllegalArgumentException} naming it.
   */
  public static Semver parse(String text) {
    Matcher m = SEMVER.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a semantic version MAJOR.MINOR.PATCH[-PRERELEASE]");
    }
    List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
    return new Semver(
        new BigInteger(m.group(1)),
        new BigInteger(m.group(2)),
        new BigInteger(m.group(3)),
        pre,
        m.group(5));
  }

  /** Parses a git tag {@code vX.Y.Z[-PRE]}, or returns null when the tag is not one. */
  public static Semver fromTag(String tag) {
    if (!tag.startsWith("v")) {
      return null;
    }
    try {
      return parse(tag.substring(1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  @Override
  public int compareTo(Semver o) {
    int c = major.compareTo(o.major);
    c = c != 0 ? c : minor.compareTo(o.minor);
    c = c != 0 ? c : patch.compareTo(o.patch);
    if (c != 0) {
      return c;
    }
    if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
      return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
    }
    for (int i = 0; i < Math.min(prerelease.size(), o.prerelease.size()); i++) {
      c = compareIdentifier(prerelease.get(i), o.prerelease.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(prerelease.size(), o.prerelease.size());
  }

  private static int compareIdentifier(String a, String b) {
    boolean an = a.chars().allMatch(Character::isDigit);
    boolean bn = b.chars().allMatch(Character::isDigit);
    if (an && bn) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    if (an != bn) {
      return an ? -1 : 1;
    }
    return a.compareTo(b);
  }

  /**
   * The version as an OCI tag: {@code +} (build metadata), which tags cannot hold, written as
   * {@code _}, as Helm and Flux write it ({@code v1.2.3+build.5} is tagged {@code 1.2.3_build.5}).
   */
  public String tag() {
    return toString().replace('+', '_');
  }

  @Override
  public String toString() {
    String core = major + "." + minor + "." + patch;
    String pre = prerelease.isEmpty() ? "" : "-" + String.join(".", prerelease);
    return core + pre + (build == null ? "" : "+" + build);
  }
}
