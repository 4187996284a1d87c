package dev.hoist.git;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tag-to-version parsing as Flux does it (Masterminds semver {@code NewVersion}): an optional
 * {@code v}, one to three numeric parts (missing ones are 0), an optional pre-release and build.
 * {@code v1.2} is 1.2.0.
 */
final class LooseVersion {
  private static final String IDS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
  private static final Pattern LOOSE =
      Pattern.compile(
          "v?([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?(?:-(" + IDS + "))?(?:\\+(" + IDS + "))?");

  private LooseVersion() {}

  /** The version a tag names, or empty when it names none. */
  static Optional<Semver> parse(String tag) {
    Matcher m = LOOSE.matcher(tag);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
    return Optional.of(
        new Semver(number(m.group(1)), number(m.group(2)), number(m.group(3)), pre, m.group(5)));
  }

  private static BigInteger number(String digits) {
    return digits == null ? BigInteger.ZERO : new BigInteger(digits);
  }
}
