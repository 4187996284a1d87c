package dev.hoist.cli;

import dev.hoist.chart.ChartPuller;
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

/** {@code hoist chart pull}: a chart archive from a registry, checked against its digest. */
@Command(
    name = "pull",
    description = {
      "Downloads oci://REGISTRY/NAMESPACE/NAME at --version into DIR/<name>-<version>.tgz; the manifest must "
          + "hold Helm's config and one chart layer, and the layer is checked against its digest and size.",
      "--verify also opens the archive and checks that its Chart.yaml is this chart and version (Helm's "
          + "provenance files are not supported)."
    })
public final class ChartPullCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "oci://REGISTRY/NAMESPACE/NAME", description = "The chart.")
  String url;

  @Option(
      names = "--version",
      required = true,
      paramLabel = "V",
      description = "The chart version.")
  String version;

  @Option(names = "--output", paramLabel = "DIR", description = "Where to write (default: .).")
  Path output = Path.of(".");

  @Option(
      names = "--verify",
      description = "Check the archive's Chart.yaml against name and version.")
  boolean verify;

  @Mixin RegistryOptions registry;

  @Override
  public Integer call() throws Exception {
    ChartPuller.Pulled pulled =
        Charts.forRegistries(
                registry.creds,
                registry.insecure,
                System.getenv(),
                registry.progress(spec.commandLine().getErr()))
            .pull(url, version, output, verify);
    PrintWriter out = spec.commandLine().getOut();
    out.println(pulled.file() + " " + pulled.digest());
    out.flush();
    return 0;
  }
}
