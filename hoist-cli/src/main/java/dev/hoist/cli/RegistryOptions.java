package dev.hoist.cli;

import dev.hoist.artifact.Artifacts;
import dev.hoist.run.Progress;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** Options every command that talks to a registry shares: credentials, plain HTTP, quiet. */
final class RegistryOptions {
  @Option(
      names = "--creds",
      paramLabel = "USER:PASSWORD",
      converter = CredsFormat.class,
      description =
          "Registry credentials (default: docker config.json auths/credHelpers/credsStore, "
              + "GITHUB_TOKEN for ghcr.io). Never printed.")
  String creds;

  @Option(
      names = "--insecure",
      description = "Allow plain HTTP to the registry (never used otherwise).")
  boolean insecure;

  @picocli.CommandLine.Mixin TimeoutOption timeout;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress on stderr.")
  boolean quiet;

  /** The engine, with progress lines going to {@code err}. */
  Artifacts artifacts(PrintWriter err) {
    return Artifacts.forRegistries(creds, insecure, System.getenv(), progress(err));
  }

  /** Progress lines on {@code err}, unless --quiet. */
  Consumer<String> progress(PrintWriter err) {
    return (quiet ? Progress.quiet() : Progress.to(err))::say;
  }
}
