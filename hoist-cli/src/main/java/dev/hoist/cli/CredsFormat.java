package dev.hoist.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks {@code --creds USER:PASSWORD} while parsing (a usage error, exit 2), never echoing the
 * value.
 */
final class CredsFormat implements ITypeConverter<String> {
  @Override
  public String convert(String value) {
    if (value.indexOf(':') <= 0) {
      throw new TypeConversionException(
          "expected USER:PASSWORD, a user name before the first ':' (value not shown)");
    }
    return value;
  }
}
