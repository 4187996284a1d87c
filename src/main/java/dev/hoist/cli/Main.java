package dev.hoist.cli;

import picocli.CommandLine;

/** hoist's entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs hoist with the given arguments and returns the exit code (for tests and embedding). */
  public static int run(String... args) {
    return new CommandLine(new HoistCommand())
        .setExecutionExceptionHandler(new ErrorHandler())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .execute(args);
  }
}
