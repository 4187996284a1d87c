package dev.hoist.oci;

import java.io.IOException;

/**
 * A registry answered with an error. The message is one line naming the registry, the request and
 * the registry's own error code and message; it never contains credentials.
 */
public class RegistryException extends IOException {
  private final int status;
  private final String code;

  /** A failure of registry traffic that is not an HTTP answer (a transfer that broke off). */
  public RegistryException(String message) {
    this(message, 0, "");
  }

  RegistryException(String message, int status, String code) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status, or 0 when the failure was not an HTTP answer. */
  public int status() {
    return status;
  }

  /** The registry's error code (e.g. {@code MANIFEST_UNKNOWN}), or empty when it gave none. */
  public String code() {
    return code;
  }
}
