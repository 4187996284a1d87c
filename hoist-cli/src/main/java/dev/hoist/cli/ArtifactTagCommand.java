package dev.hoist.cli;

import dev.hoist.artifact.Publication;
import dev.hoist.oci.Reference;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hoist artifact tag}: the same manifest under more tags, as {@code flux tag artifact}. */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = {
      "Tags an artifact: puts the same manifest bytes under each --tag (no blob is read or sent).",
      "Version tags are immutable: a tag that names another digest is refused unless --force."
    })
public final class ArtifactTagCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "oci://REPO:TAG|oci://REPO@DIGEST",
      description = "The artifact.")
  String url;

  @Option(
      names = "--tag",
      required = true,
      split = ",",
      paramLabel = "TAG",
      description = "New tag (repeatable).")
  List<String> tags;

  @Option(names = "--force", description = "Move a version tag that names another artifact.")
  boolean force;

  @Mixin RegistryOptions registry;

  @Override
  public Integer call() throws Exception {
    Publication p = registry.artifacts(spec.commandLine().getErr()).tag(url, tags, force);
    PrintWriter out = spec.commandLine().getOut();
    String name = Reference.parse(url).name();
    for (String tag : p.tags()) {
      out.println("oci://" + name + ":" + tag + "@" + p.digest());
    }
    out.flush();
    return 0;
  }
}
