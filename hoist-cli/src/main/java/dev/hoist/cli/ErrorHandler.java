package dev.hoist.cli;

import dev.hoist.config.ConfigException;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns an exception from a command into one line on stderr and its exit code. No stack traces. */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    ExitCode code = ExitCode.FAILURE;
    if (e instanceof HoistException re) {
      code = re.exitCode();
    } else if (e instanceof ConfigException) {
      code = ExitCode.CONFIG;
    } else if (e instanceof dev.hoist.git.GitException ge) {
      code =
          ge.reason() == dev.hoist.git.GitException.Reason.DIRTY
              ? ExitCode.DIRTY
              : ExitCode.UNTAGGED;
    } else if (e instanceof dev.hoist.oci.RegistryException) {
      code = ExitCode.REGISTRY;
    } else if (e instanceof dev.hoist.artifact.ArtifactUsageException) {
      code = ExitCode.USAGE;
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cmd.getErr().println("hoist: error: " + message.replace('\n', ' '));
    if (System.getenv("HOIST_DEBUG") != null) {
      e.printStackTrace(cmd.getErr());
    }
    return code.code();
  }
}
