package dev.hoist.cli;

import dev.hoist.api.HoistFailure;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns an exception from a command into one line on stderr and its exit code. No stack traces. */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    return report(e, cmd.getErr());
  }

  /** Prints {@code e} as one line on {@code err}; returns its exit code. */
  static int report(Exception e, PrintWriter err) {
    HoistFailure failure = HoistFailure.of(e); // the one mapping of failures to exit codes
    err.println("hoist: error: " + failure.getMessage());
    if (System.getenv("HOIST_DEBUG") != null) {
      e.printStackTrace(err);
    }
    return failure.exitCode();
  }
}
