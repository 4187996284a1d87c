package dev.hoist.cli;

import dev.hoist.api.FluxOptions;
import dev.hoist.api.FluxResult;
import dev.hoist.api.Hoist;
import dev.hoist.run.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hoist flux generate}: parses, delegates to {@link
 * dev.hoist.api.HoistProject#generateFlux}, prints.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes flux/clusters/<cluster>/: one file per unit and a kustomization.yaml listing them (the path of "
          + "the cluster's root Kustomization, as flux bootstrap lays out clusters/<name>). Only changed files "
          + "are rewritten.",
      "Exit codes: 0 ok, 1 --check found stale files, 2 usage, 3 invalid hoist.yaml."
    })
public final class FluxGenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOptions project;

  @Option(
      names = "--cluster",
      paramLabel = "NAME",
      description = "Only this cluster (repeatable; default: all).")
  List<String> clusters = new ArrayList<>();

  @Option(
      names = "--registry",
      paramLabel = "HOST[:PORT]/NAMESPACE",
      description =
          "The registry the artifact was released to (as release --registry; default: hoist.yaml's"
              + " registry).")
  String registry;

  @Option(
      names = "--check",
      description = "Write nothing; exit 1 and print a diff when a file would change.")
  boolean check;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = project.quiet || project.json() ? Progress.quiet() : Progress.to(err);
    FluxResult result =
        Hoist.project(Path.of(""))
            .config(project.config)
            .progress(progress::say)
            .generateFlux(new FluxOptions(clusters, check, registry));
    PrintWriter out = spec.commandLine().getOut();
    if (project.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("check", check);
      json.put("changed", result.changed());
      json.put(
          "files",
          result.files().stream()
              .map(
                  f -> {
                    Map<String, Object> file = new LinkedHashMap<>();
                    file.put("path", f.path());
                    file.put("changed", f.changed());
                    if (!f.diff().isEmpty()) {
                      file.put("diff", f.diff());
                    }
                    return file;
                  })
              .toList());
      out.println(Json.write(json));
    } else if (check) {
      result.files().stream().filter(FluxResult.File::changed).forEach(f -> out.print(f.diff()));
      if (result.changed()) {
        err.println("hoist: flux/ is stale: run hoist flux generate");
      }
    }
    out.flush();
    return check && result.changed() ? 1 : 0;
  }
}
