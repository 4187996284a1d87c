package dev.hoist.cli;

import dev.hoist.api.Hoist;
import dev.hoist.api.HoistProject;
import dev.hoist.run.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Options of the commands that work on the project (release, image build, flux generate):
 * descriptor, report.
 */
final class ProjectOptions {
  @Option(
      names = "--config",
      defaultValue = "hoist.yaml",
      description = "The project descriptor (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "Output format: text or json.")
  OutputFormat output;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress on stderr.")
  boolean quiet;

  boolean json() {
    return output == OutputFormat.json;
  }

  /** The project in the working directory, read from --config, progress on stderr. */
  HoistProject project(CommandSpec spec) {
    return Hoist.project(Path.of(""))
        .config(config)
        .progress(progress(spec.commandLine().getErr())::say);
  }

  /** Progress lines on {@code err}, unless --quiet. */
  Progress progress(PrintWriter err) {
    return quiet ? Progress.quiet() : Progress.to(err);
  }
}
