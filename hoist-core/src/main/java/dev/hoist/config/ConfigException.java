package dev.hoist.config;

/**
 * hoist.yaml is missing, malformed, or names something that does not exist. One line, with file and
 * line.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
