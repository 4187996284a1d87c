package dev.hoist.cli;

import dev.hoist.api.Hoist;
import dev.hoist.api.HoistProject;
import dev.hoist.api.RenderOptions;
import dev.hoist.api.RenderOptions.Engine;
import dev.hoist.api.RenderOptions.LoadRestrictor;
import dev.hoist.api.RenderedFiles;
import dev.hoist.files.TextFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
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
      defaultValue = "auto",
      description =
          "auto (default: embedded, and kustomize or kubectl from PATH for what it cannot"
              + " render, said on stderr), embedded, kustomize or kubectl.")
  Engine engine;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of stdout.")
  Path output;

  @Override
  public Integer call() {
    String misuse = misuse();
    if (misuse != null) {
      throw new ParameterException(spec.commandLine(), misuse);
    }
    return render(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** What is wrong with the arguments taken together, or null. */
  String misuse() {
    if (all == (dir != null)) {
      return "give either DIR or --all";
    }
    if (all && output != null) {
      return "--all writes manifests/<overlay>.yaml; -o is not allowed";
    }
    return null;
  }

  /** Renders, once the arguments are known to be right; returns the exit code. */
  int render(PrintWriter out, PrintWriter err) {
    HoistProject project =
        Hoist.project(Path.of(""))
            .config(config)
            .progress(
                line -> {
                  err.println(line);
                  err.flush();
                });
    RenderOptions options = new RenderOptions(engine, restrictor);
    if (all) {
      RenderedFiles written = project.renderAll(options);
      for (RenderedFiles.File w : written.files()) {
        err.println(w.file() + (w.changed() ? " written" : " unchanged"));
      }
      err.flush();
      return 0;
    }
    String yaml = project.render(dir, options);
    if (output == null) {
      out.print(yaml);
      out.flush();
    } else {
      TextFiles.writeIfChanged(output, yaml);
    }
    return 0;
  }
}
