package dev.hoist.cli;

import dev.hoist.chart.ChartLint;
import dev.hoist.chart.Charts;
import dev.hoist.chart.Finding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hoist chart lint}: Helm's linter plus hoist's chart checks. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Helm's linter on each chart, renders it with the given values through Helm's template engine, "
          + "checks the output as 'hoist validate' does, and adds hoist's chart checks: a hook Job without "
          + "helm.sh/hook-delete-policy, a Secret with literal values in a template or in values.yaml, an image "
          + "not taken from values, a Deployment/StatefulSet/DaemonSet container without probes or resource "
          + "requests.",
      "Exit 1 when any chart has an error. -f/--set apply to the render (Helm's linter itself uses the chart's "
          + "values.yaml)."
    })
public final class ChartLintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CHART_DIR", arity = "0..*", description = "Charts (default: .).")
  List<Path> charts = new ArrayList<>();

  @Option(names = "--strict", description = "Helm's warnings count as errors.")
  boolean strict;

  @Mixin ChartValuesOptions values;

  @Override
  public Integer call() throws Exception {
    List<Path> dirs = charts.isEmpty() ? List.of(Path.of(".")) : charts;
    List<ChartLint.Report> reports =
        new Charts(ref -> null, line -> {}).lint(dirs, strict, values.values, values.set);
    PrintWriter out = spec.commandLine().getOut();
    int failed = 0;
    for (ChartLint.Report r : reports) {
      out.println("==> Linting " + r.dir());
      r.helm().forEach(out::println);
      for (Finding f : r.findings()) {
        out.println(f);
      }
      if (r.failed()) {
        failed++;
        out.println("Error: chart " + r.chart() + " failed");
      }
      out.println();
    }
    out.println(reports.size() + " chart(s) linted, " + failed + " chart(s) failed");
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}
