package dev.hoist.cli;

import dev.hoist.artifact.Artifacts;
import dev.hoist.artifact.PackedArtifact;
import dev.hoist.run.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hoist artifact build}: packs a tree into a .tgz as {@code flux build artifact} does. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Packs a directory or file into a Flux artifact (.tgz) without pushing it.",
      "The tar inside is byte-identical to flux build artifact's; the gzip bytes are not (compare with "
          + "'hoist artifact diff'). Symlinks are an error unless --resolve-symlinks; .env and .env.* files are "
          + "excluded with a warning (--ignore-paths replaces the whole list)."
    })
public final class ArtifactBuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-p", "--path"},
      required = true,
      paramLabel = "DIR|FILE",
      description = "What to pack.")
  Path path;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "artifact.tgz",
      paramLabel = "FILE",
      description = "Where to write the .tgz (default: ${DEFAULT-VALUE}).")
  Path output;

  @Mixin PackOptions pack;

  @Option(
      names = {"-q", "--quiet"},
      description = "No warnings on stderr.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Artifacts engine = Artifacts.local(quiet ? m -> {} : Progress.to(err)::say);
    PackedArtifact packed = engine.build(path, pack.toOptions(), output);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        packed.file() + " " + packed.layer().digest() + " " + packed.layer().size() + " bytes");
    out.flush();
    return 0;
  }
}
