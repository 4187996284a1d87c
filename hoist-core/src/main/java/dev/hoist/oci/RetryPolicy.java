package dev.hoist.oci;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before retrying a registry request: at most {@code maxAttempts}
 * attempts, exponential backoff from {@code base} doubling up to {@code cap}, each wait scaled by a
 * jitter factor in [0.5, 1). A {@code Retry-After} header (seconds or HTTP date) replaces the
 * backoff when it is at most {@link #MAX_RETRY_AFTER}.
 */
final class RetryPolicy {
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  final int maxAttempts;
  private final Duration base;
  private final Duration cap;
  private final Sleeper sleeper;
  final Clock clock;
  private final DoubleSupplier random;

  RetryPolicy(
      int maxAttempts,
      Duration base,
      Duration cap,
      Sleeper sleeper,
      Clock clock,
      DoubleSupplier random) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.base = base;
    this.cap = cap;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
  }

  static RetryPolicy standard() {
    return new RetryPolicy(
        5,
        Duration.ofMillis(500),
        Duration.ofSeconds(8),
        Sleeper.REAL,
        Clock.systemUTC(),
        Math::random);
  }

  /**
   * Statuses worth retrying: request timeout, too many requests and server errors (not 501/505).
   */
  static boolean retryable(int status) {
    return status == 408 || status == 429 || (status >= 500 && status != 501 && status != 505);
  }

  /** The wait after failed attempt {@code attempt} (1-based), jittered. */
  Duration backoff(int attempt) {
    long millis = base.toMillis() << Math.min(attempt - 1, 20);
    millis = Math.min(millis, cap.toMillis());
    return Duration.ofMillis((long) (millis * (0.5 + random.getAsDouble() / 2)));
  }

  /** The wait a {@code Retry-After} value asks for, or empty when absent or unreadable. */
  Optional<Duration> retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException e) {
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 2000));
      }
    }
    try {
      Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), when);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  void sleep(Duration duration) throws InterruptedIOException {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while waiting to retry");
      io.initCause(e);
      throw io;
    }
  }
}
