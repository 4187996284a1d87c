package dev.hoist.run;

/**
 * A command that stopped: a one-line message for people and the {@link ExitCode} for scripts. Every
 * engine throws it (or a subclass) for a refusal it can name; front ends print the message and exit
 * with the code.
 */
public class HoistException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ExitCode exitCode;

  public HoistException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public HoistException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
