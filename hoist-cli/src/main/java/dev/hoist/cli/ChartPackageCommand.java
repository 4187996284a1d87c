package dev.hoist.cli;

import dev.hoist.chart.Charts;
import dev.hoist.chart.PackedChart;
import dev.hoist.run.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hoist chart package}: a reproducible chart archive. */
@Command(
    name = "package",
    description = {
      "Packages a chart directory into <name>-<version>.tgz, reproducibly: the same directory gives the same "
          + "bytes on any machine (entries in a fixed order, mode 0644, owner 0, time 0; .helmignore honoured; "
          + ".env files left out with a warning). helm package is not reproducible.",
      "--version/--app-version replace Chart.yaml's in the archive only."
    })
public final class ChartPackageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "CHART_DIR", description = "The chart directory.")
  Path chart;

  @Option(names = "--output", paramLabel = "DIR", description = "Where to write (default: .).")
  Path output = Path.of(".");

  @Option(names = "--version", paramLabel = "V", description = "The chart version to package.")
  String version;

  @Option(names = "--app-version", paramLabel = "V", description = "The appVersion to package.")
  String appVersion;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress on stderr.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    Progress progress = quiet ? Progress.quiet() : Progress.to(spec.commandLine().getErr());
    PackedChart packed =
        new Charts(ref -> null, progress::say).pack(chart, output, version, appVersion);
    PrintWriter out = spec.commandLine().getOut();
    out.println(packed.file());
    out.flush();
    return 0;
  }
}
