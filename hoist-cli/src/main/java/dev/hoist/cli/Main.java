package dev.hoist.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.OptionalInt;
import picocli.CommandLine;

/** hoist's entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // the platform's charset, as System.out and System.err use
    Charset charset = Charset.defaultCharset();
    QuickExit.exit(
        run(
            new PrintWriter(new OutputStreamWriter(System.out, charset), true),
            new PrintWriter(new OutputStreamWriter(System.err, charset), true),
            args));
  }

  /**
   * Runs hoist with the given arguments and streams; returns the exit code (for tests and
   * embedding).
   */
  public static int run(PrintWriter rawOut, PrintWriter rawErr, String... args) {
    if (PreviewClassPath.apart(args)) {
      return PreviewClassPath.run(rawOut, rawErr, args);
    }
    PrintWriter out = new RedactingWriter(rawOut);
    PrintWriter err = new RedactingWriter(rawErr);
    OptionalInt quick = QuickStart.run(rawOut, out, err, args);
    if (quick.isPresent()) {
      out.flush();
      err.flush();
      return quick.getAsInt();
    }
    return picocli(out, err, args);
  }

  /** Runs {@code args} through picocli (every command, help and usage error). */
  static int picocli(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli =
        CommandTree.HOIST
            .commandLine(args)
            .setExecutionExceptionHandler(new ErrorHandler())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setOut(out)
            .setErr(err);
    String timeout = System.getProperty("hoist.timeout");
    try {
      return cli.execute(args);
    } finally {
      if (timeout == null) {
        System.clearProperty("hoist.timeout"); // --timeout sets it for this command only
      } else {
        System.setProperty("hoist.timeout", timeout);
      }
      out.flush();
      err.flush();
    }
  }
}
