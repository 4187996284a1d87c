package dev.hoist.release;

import dev.hoist.config.ConfigException;
import dev.hoist.run.ExitCode;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ExecutionException;

/** Maps what a step threw to a one-line {@link ReleaseException} with the right exit code. */
final class Failures {
  private Failures() {}

  static ReleaseException classify(String step, Throwable thrown) {
    Throwable e = unwrap(thrown);
    if (e instanceof ReleaseException re) {
      return re;
    }
    if (e instanceof ConfigException) {
      return new ReleaseException(ExitCode.CONFIG, e.getMessage(), e);
    }
    ExitCode code = isRegistryFailure(e) ? ExitCode.REGISTRY : ExitCode.FAILURE;
    return new ReleaseException(code, step + ": " + message(e), e);
  }

  private static Throwable unwrap(Throwable e) {
    while ((e instanceof ExecutionException
            || e instanceof java.io.UncheckedIOException
            || e.getClass() == RuntimeException.class)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** A registry that cannot be reached, or one that refused: anywhere in the cause chain. */
  static boolean isRegistryFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof HttpTimeoutException
          || t instanceof java.net.http.HttpConnectTimeoutException) {
        return true;
      }
      String type = t.getClass().getName();
      if (type.startsWith("com.google.cloud.tools.jib.api.Registry")
          || type.startsWith("com.google.cloud.tools.jib.api.InsecureRegistry")
          || type.startsWith("dev.hoist.oci.Registry")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The most telling single line of an exception chain. */
  static String message(Throwable e) {
    String best = null;
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        best = t.getMessage();
        break;
      }
    }
    String text = best == null ? e.getClass().getSimpleName() : best;
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
