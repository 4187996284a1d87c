package dev.hoist.cli;

import dev.hoist.api.HoistFailure;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns an exception from a command into one line on stderr and its exit code. No stack traces. */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    HoistFailure failure = HoistFailure.of(e); // the one mapping of failures to exit codes
    cmd.getErr().println("hoist: error: " + failure.getMessage());
    if (System.getenv("HOIST_DEBUG") != null) {
      e.printStackTrace(cmd.getErr());
    }
    return failure.exitCode();
  }
}
