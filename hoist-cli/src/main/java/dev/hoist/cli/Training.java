package dev.hoist.cli;

import dev.hoist.run.ExitCode;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The start-up training run: typical hoist commands, one after the other in this JVM, on the
 * project in the working directory (the bundled example). {@code scripts/cds-train.sh} runs it at
 * {@code mvn package} to record the classes they load: the class list of the {@code ./hoist}
 * launcher's class-data sharing archive (one JVM for all of them keeps the build short). It writes
 * only under the scratch directory it is given; a command that fails (say, in a source tree without
 * git) only makes the recording shorter, and is named on stderr.
 *
 * <p>Usage: {@code java -cp hoist.jar dev.hoist.cli.Training SCRATCH_DIR}
 */
public final class Training {
  /** A command of the run and the exit code it is expected to end with. */
  record Workload(ExitCode expected, List<String> args) {
    Workload {
      args = List.copyOf(args);
    }
  }

  private Training() {}

  /** The commands, in order; {@code scratch} receives what they write. */
  static List<Workload> workloads(Path scratch) {
    return List.of(
        new Workload(ExitCode.OK, List.of("--help")),
        new Workload(ExitCode.OK, List.of("--version")),
        new Workload(ExitCode.OK, List.of("render", "overlays/dev")),
        new Workload(
            ExitCode.OK,
            List.of(
                "artifact",
                "build",
                "--path",
                "manifests",
                "--output",
                scratch.resolve("train.tgz").toString())),
        // builds the image, renders and packs the overlays, plans the Flux objects; pushes nothing
        new Workload(ExitCode.OK, List.of("release", "--snapshot", "--dry-run")),
        // a port where nothing listens: loads the registry client, fails at once
        new Workload(
            ExitCode.REGISTRY,
            List.of(
                "artifact",
                "push",
                "oci://127.0.0.1:9/cds-train:v0",
                "--path",
                "manifests",
                "--source",
                "cds-train",
                "--revision",
                "v0",
                "--insecure")));
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java -cp hoist.jar dev.hoist.cli.Training SCRATCH_DIR");
      System.exit(2);
    }
    Path scratch = Files.createDirectories(Path.of(args[0]));
    int unexpected =
        run(
            workloads(scratch),
            new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true));
    Files.deleteIfExists(scratch.resolve("train.tgz"));
    QuickExit.exit(unexpected == 0 ? 0 : 1); // the push's HTTP client would hold the exit 300 ms
  }

  /** Runs the workloads, output discarded; names each unexpected exit on {@code err}. */
  static int run(List<Workload> workloads, PrintWriter err) {
    int unexpected = 0;
    for (Workload w : workloads) {
      int code = Main.run(discard(), discard(), w.args().toArray(String[]::new));
      if (code != w.expected().code()) {
        err.printf(
            "training: 'hoist %s' exited %d (expected %d); the recording may be shorter%n",
            String.join(" ", w.args()), code, w.expected().code());
        unexpected++;
      }
    }
    return unexpected;
  }

  private static PrintWriter discard() {
    return new PrintWriter(Writer.nullWriter());
  }
}
