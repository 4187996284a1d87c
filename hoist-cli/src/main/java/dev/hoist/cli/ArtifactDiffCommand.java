package dev.hoist.cli;

import dev.hoist.artifact.TreeDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hoist artifact diff}: a local tree against a pushed artifact, by uncompressed content. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compares a local tree with a pushed artifact by uncompressed tar content (names, modes, bytes), not "
          + "by gzip bytes, so artifacts pushed by flux and by hoist compare equal when their trees are.",
      "Exit code 0 when equal, 1 when they differ (the changed paths are listed: added = only local, "
          + "removed = only in the artifact, modified)."
    })
public final class ArtifactDiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "oci://REPO:TAG|oci://REPO@DIGEST",
      description = "The artifact.")
  String url;

  @Option(
      names = {"-p", "--path"},
      required = true,
      paramLabel = "DIR|FILE",
      description = "The local tree.")
  Path path;

  @Mixin PackOptions pack;

  @Mixin RegistryOptions registry;

  @Override
  public Integer call() throws Exception {
    TreeDiff diff =
        registry.artifacts(spec.commandLine().getErr()).diff(url, path, pack.toOptions());
    PrintWriter out = spec.commandLine().getOut();
    if (diff.equal()) {
      out.println("no changes");
    } else {
      diff.changes().forEach(out::println);
    }
    out.flush();
    return diff.equal() ? 0 : 1;
  }
}
