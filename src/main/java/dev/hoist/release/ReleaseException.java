package dev.hoist.release;

/** A release that stopped: a one-line message for people and the {@link ExitCode} for scripts. */
public class ReleaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ExitCode exitCode;

  public ReleaseException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public ReleaseException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
