package dev.hoist.cli;

import dev.hoist.config.ConfigLoader;
import dev.hoist.config.ProjectConfig;
import dev.hoist.diff.Diff;
import dev.hoist.diff.ObjectDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hoist diff}: what the cluster will see change, object by object. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Renders each overlay from the working tree and from a comparison point (a git ref, default"
          + " HEAD, or a released artifact) and prints the objects added, removed and changed, with"
          + " a diff of each change (Secret values hidden).",
      "Exit codes: 0 no change, 1 changes, 2 usage, 3 invalid hoist.yaml, 6 registry."
    })
public final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      defaultValue = "hoist.yaml",
      description = "The project descriptor (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--overlay", paramLabel = "NAME", description = "Compare only these overlays.")
  List<String> overlays = new ArrayList<>();

  @ArgGroup(exclusive = true)
  Against against;

  static final class Against {
    @Option(
        names = "--against",
        paramLabel = "oci://REPO:TAG",
        description = "A released artifact.")
    String artifact;

    @Option(
        names = "--against-ref",
        paramLabel = "GIT_REF",
        description = "A git ref (default HEAD).")
    String ref;
  }

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "Output format: text or json.")
  OutputFormat output;

  @Option(
      names = "--markdown",
      paramLabel = "FILE",
      description = "Also write the diff as Markdown (a pull-request comment).")
  Path markdown;

  @Mixin RegistryOptions registry;

  @Override
  public Integer call() throws Exception {
    ProjectConfig project;
    try {
      project = ConfigLoader.load(config);
    } catch (dev.hoist.config.ConfigException e) {
      throw new dev.hoist.run.HoistException(dev.hoist.run.ExitCode.CONFIG, e.getMessage());
    }
    Diff.Report report =
        against != null && against.artifact != null
            ? Diff.againstArtifact(
                project,
                overlays,
                against.artifact,
                registry.artifacts(spec.commandLine().getErr()))
            : Diff.againstRef(
                project, overlays, against == null || against.ref == null ? "HEAD" : against.ref);
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.json) {
      out.println(Json.write(json(report)));
    } else {
      out.print(text(report));
    }
    out.flush();
    if (markdown != null) {
      dev.hoist.files.TextFiles.writeIfChanged(markdown, markdown(report));
    }
    return report.changes() == 0 ? 0 : 1;
  }

  static String text(Diff.Report report) {
    StringBuilder out = new StringBuilder();
    for (Diff.OverlayDiff o : report.overlays()) {
      out.append("overlay ").append(o.overlay()).append(": ");
      out.append(o.changes().isEmpty() ? "no change" : o.changes().size() + " change(s)");
      out.append(" against ").append(report.against()).append('\n');
      for (ObjectDiff.Change c : o.changes()) {
        out.append(symbol(c)).append(' ').append(c.object()).append('\n');
        if (c.change().equals("changed")) {
          c.diff().lines().forEach(l -> out.append("    ").append(l).append('\n'));
        }
      }
    }
    return out.toString();
  }

  static String markdown(Diff.Report report) {
    StringBuilder out = new StringBuilder("### hoist diff against `" + report.against() + "`\n\n");
    for (Diff.OverlayDiff o : report.overlays()) {
      out.append("#### overlay `").append(o.overlay()).append("`: ");
      out.append(o.changes().isEmpty() ? "no change" : o.changes().size() + " change(s)")
          .append("\n\n");
      for (ObjectDiff.Change c : o.changes()) {
        out.append("- ").append(c.change()).append(" `").append(c.object()).append("`\n");
        if (c.change().equals("changed")) {
          out.append("\n```diff\n").append(c.diff()).append("```\n");
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static Map<String, Object> json(Diff.Report report) {
    List<Map<String, Object>> overlays = new ArrayList<>();
    for (Diff.OverlayDiff o : report.overlays()) {
      List<Map<String, Object>> changes = new ArrayList<>();
      for (ObjectDiff.Change c : o.changes()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("object", c.object());
        m.put("change", c.change());
        m.put("diff", c.diff());
        changes.add(m);
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("overlay", o.overlay());
      m.put("changes", changes);
      overlays.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("against", report.against());
    out.put("overlays", overlays);
    out.put("changes", report.changes());
    return out;
  }

  private static String symbol(ObjectDiff.Change c) {
    return switch (c.change()) {
      case "added" -> "  +";
      case "removed" -> "  -";
      default -> "  ~";
    };
  }
}
