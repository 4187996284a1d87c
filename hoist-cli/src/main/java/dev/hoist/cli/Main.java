package dev.hoist.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** hoist's entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    QuickExit.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs hoist with the given arguments and streams; returns the exit code (for tests and
   * embedding).
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli =
        CommandTree.HOIST
            .commandLine(args)
            .setExecutionExceptionHandler(new ErrorHandler())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setOut(out)
            .setErr(err);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
