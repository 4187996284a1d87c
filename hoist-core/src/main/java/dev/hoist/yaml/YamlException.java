package dev.hoist.yaml;

/** A YAML document that cannot be read; the message names the source and line. */
public class YamlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public YamlException(String message) {
    super(message);
  }
}
