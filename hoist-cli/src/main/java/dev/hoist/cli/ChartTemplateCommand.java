package dev.hoist.cli;

import dev.hoist.chart.Charts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hoist chart template}: what Helm renders, on stdout. */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description =
        "Renders a chart with Helm's template engine (in-process) and prints the YAML stream.")
public final class ChartTemplateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CHART_DIR", description = "The chart directory.")
  Path chart;

  @Mixin ChartValuesOptions values;

  @Option(
      names = "--release",
      paramLabel = "NAME",
      description = "Release name (default: release-name).")
  String release;

  @Option(names = "--namespace", paramLabel = "NS", description = "Release namespace.")
  String namespace;

  @Option(
      names = "--kube-version",
      paramLabel = "V",
      description = "Kubernetes version for Capabilities.")
  String kubeVersion;

  @Override
  public Integer call() {
    String rendered =
        new Charts(ref -> null, line -> {})
            .template(chart, values.values, values.set, release, namespace, kubeVersion);
    PrintWriter out = spec.commandLine().getOut();
    out.print(rendered);
    out.flush();
    return 0;
  }
}
