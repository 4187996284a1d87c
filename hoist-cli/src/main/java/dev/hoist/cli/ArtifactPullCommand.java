package dev.hoist.cli;

import dev.hoist.artifact.PullResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hoist artifact pull}: downloads, verifies and safely extracts, as {@code flux pull
 * artifact}.
 */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = {
      "Pulls a Flux OCI artifact and extracts it into a new (or empty) directory.",
      "Manifest and layer are checked against their digests and sizes before any file appears; entries with "
          + "'..', absolute names, backslashes, links, devices or FIFOs are refused, as are more than 100 MiB or "
          + "10,000 entries."
    })
public final class ArtifactPullCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "oci://REPO:TAG|oci://REPO@DIGEST",
      description = "What to pull.")
  String url;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Where to extract.")
  Path output;

  @Mixin RegistryOptions registry;

  @Override
  public Integer call() throws Exception {
    PullResult r = registry.artifacts(spec.commandLine().getErr()).pull(url, output);
    PrintWriter out = spec.commandLine().getOut();
    out.println(r.output() + " " + r.repository() + "@" + r.digest());
    out.flush();
    return 0;
  }
}
