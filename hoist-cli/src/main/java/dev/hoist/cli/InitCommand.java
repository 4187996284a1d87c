package dev.hoist.cli;

import dev.hoist.init.Init;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hoist init}: starts a repository's hoist set-up from its Maven build. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Looks at the checkout (Maven: the jar modules) and writes what is missing: hoist.yaml, base/"
          + " (Deployment with probes, requests, non-root, read-only root filesystem; Service; HPA;"
          + " PodDisruptionBudget), overlays/{dev,staging,prod} and .github/workflows/{ci,release}.yml."
          + " Never overwrites unless --force, which prints a diff first.",
      "Exit codes: 0 ok, 2 usage, 3 no Maven jar module."
    })
public final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--registry",
      paramLabel = "HOST[:PORT]/NAMESPACE",
      description = "Where to publish (default: ghcr.io/<owner> of a github.com origin).")
  String registry;

  @Option(
      names = "--ci",
      defaultValue = "github",
      description = "CI to write workflows for: github.")
  String ci;

  @Option(names = "--force", description = "Overwrite files hoist init would write differently.")
  boolean force;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress on stderr.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (!ci.equals("github")) {
      throw new ParameterException(spec.commandLine(), "--ci " + ci + ": only github is known");
    }
    PrintWriter err = spec.commandLine().getErr();
    Init.Result r =
        Init.run(
            Path.of(""),
            registry,
            force,
            line -> {
              if (!quiet) {
                err.println(line);
                err.flush();
              }
            });
    PrintWriter out = spec.commandLine().getOut();
    out.println("wrote " + r.written().size() + " file(s), kept " + r.kept().size() + " existing");
    out.flush();
    return 0;
  }
}
