package dev.hoist.cli;

import dev.hoist.files.TextFiles;
import dev.hoist.kustomize.LoadRestrictor;
import dev.hoist.kustomize.RenderEngine;
import dev.hoist.kustomize.Rendering;
import dev.hoist.manifests.RenderAll;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hoist render}: prints what {@code kustomize build DIR} prints, or renders every overlay
 * (--all).
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Renders a kustomization directory to the YAML stream `kustomize build DIR` (v5.5) prints.",
      "With --all, renders every overlay of hoist.yaml into manifests/<overlay>.yaml (only changed files are "
          + "rewritten).",
      "Exit codes: 0 ok, 1 failure, 2 usage, 3 invalid hoist.yaml."
    })
public final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "DIR", description = "The kustomization directory.")
  Path dir;

  @Option(names = "--all", description = "Render every overlay of hoist.yaml into manifests/.")
  boolean all;

  @Option(
      names = "--config",
      defaultValue = "hoist.yaml",
      description = "The project descriptor for --all " + "(default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(
      names = "--load-restrictor",
      defaultValue = "LoadRestrictionsRootOnly",
      description = "LoadRestrictionsRootOnly (default) or LoadRestrictionsNone.")
  LoadRestrictor restrictor;

  @Option(
      names = "--engine",
      defaultValue = "embedded",
      description = "embedded (default), kustomize or kubectl.")
  RenderEngine engine;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of stdout.")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (all == (dir != null)) {
      throw new ParameterException(spec.commandLine(), "give either DIR or --all");
    }
    if (all) {
      if (output != null) {
        throw new ParameterException(
            spec.commandLine(), "--all writes manifests/<overlay>.yaml; -o is not allowed");
      }
      List<RenderAll.Written> written = RenderAll.run(config, engine, restrictor);
      PrintWriter err = spec.commandLine().getErr();
      for (RenderAll.Written w : written) {
        err.println(w.file() + (w.changed() ? " written" : " unchanged"));
      }
      err.flush();
      return 0;
    }
    String yaml = Rendering.render(dir, engine, restrictor);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(yaml);
      out.flush();
    } else {
      TextFiles.writeIfChanged(output, yaml);
    }
    return 0;
  }
}
