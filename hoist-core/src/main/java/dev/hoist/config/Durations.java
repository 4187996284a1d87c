package dev.hoist.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations written as Go and Flux write them: {@code 30s}, {@code 5m}, {@code 1h30m},
 * {@code 1m0s}.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

  private Durations() {}

  /** Parses {@code text}; an {@link IllegalArgumentException} names what is wrong. */
  public static Duration parse(String text) {
    if (text.isEmpty()) {
      throw invalid(text);
    }
    Matcher m = PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        throw invalid(text);
      }
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
              });
      end = m.end();
    }
    if (end != text.length()) {
      throw invalid(text);
    }
    return total;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a duration (for example 30s, 5m, 1h30m)");
  }
}
