package dev.hoist.oci;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command's time budget for registry traffic (default {@link #DEFAULT}; {@code --timeout}, the
 * system property {@code hoist.timeout} or the environment variable {@code HOIST_TIMEOUT}): no
 * request starts, and no retry waits, past its end. Made when a {@link RegistryClient} is built.
 */
final class Budget {
  static final Duration DEFAULT = Duration.ofMinutes(10);
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private final Duration total;
  private final long endNanos;

  /** Counted on the monotonic clock from now. */
  Budget(Duration total) {
    this.total = total;
    this.endNanos = System.nanoTime() + total.toNanos();
  }

  /** The budget configured for this process: hoist.timeout, else HOIST_TIMEOUT, else 10m. */
  static Duration configured() {
    String value = System.getProperty("hoist.timeout");
    String from = "hoist.timeout";
    if (value == null || value.isBlank()) {
      value = System.getenv("HOIST_TIMEOUT");
      from = "HOIST_TIMEOUT";
    }
    if (value == null || value.isBlank()) {
      return DEFAULT;
    }
    try {
      return parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(from + "=" + value + ": " + e.getMessage(), e);
    }
  }

  /** A Go-style duration: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 500ms}. */
  static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = PART.matcher(t);
    Duration d = Duration.ZERO;
    int at = 0;
    while (m.find() && m.start() == at) {
      long n = Long.parseLong(m.group(1));
      d =
          d.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
              });
      at = m.end();
    }
    if (at != t.length() || at == 0 || d.isZero()) {
      throw new IllegalArgumentException(
          "not a duration above zero (write it as 90s, 10m or 1h30m)");
    }
    return d;
  }

  Duration remaining() {
    long left = endNanos - System.nanoTime();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  /** {@code limit}, or what is left of the budget when that is less. */
  Duration cap(Duration limit) {
    Duration left = remaining();
    return left.compareTo(limit) < 0 ? left : limit;
  }

  /** Throws when the budget ran out before {@code call} (or its retry) could start. */
  void check(Transport.Call call, String doing) throws RegistryException {
    if (remaining().isZero()) {
      throw exhausted(call, doing);
    }
  }

  RegistryException exhausted(Transport.Call call, String doing) {
    return new RegistryException(
        Transport.describe(call)
            + ": the time budget of "
            + format(total)
            + " ran out "
            + doing
            + " (raise it with --timeout or HOIST_TIMEOUT)",
        0,
        "");
  }

  static String format(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + "ms";
    }
    long s = d.toSeconds();
    return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
  }
}
