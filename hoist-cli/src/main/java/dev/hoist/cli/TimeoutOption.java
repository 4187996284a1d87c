package dev.hoist.cli;

import dev.hoist.oci.RegistryClient;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --timeout}: the command's budget for registry traffic, set as the {@code hoist.timeout}
 * property that every registry client of the command reads (the Maven plugin's user property of the
 * same name works the same way). {@link Main#run} restores the property afterwards.
 */
final class TimeoutOption {
  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = Format.class,
      description =
          "Budget for all registry requests of this command, retries included "
              + "(e.g. 90s, 10m, 1h; default 10m or HOIST_TIMEOUT).")
  void timeout(String value) {
    System.setProperty("hoist.timeout", value);
  }

  /** Checks the value while parsing: a usage error (exit 2) naming the rule. */
  static final class Format implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        RegistryClient.parseTimeout(value);
        return value;
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("--timeout " + value + ": " + e.getMessage());
      }
    }
  }
}
