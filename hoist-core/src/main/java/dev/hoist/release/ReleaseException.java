package dev.hoist.release;

import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;

/** A release that stopped: a one-line message for people and the {@link ExitCode} for scripts. */
public class ReleaseException extends HoistException {
  private static final long serialVersionUID = 1L;

  public ReleaseException(ExitCode exitCode, String message) {
    super(exitCode, message);
  }

  public ReleaseException(ExitCode exitCode, String message, Throwable cause) {
    super(exitCode, message, cause);
  }
}
