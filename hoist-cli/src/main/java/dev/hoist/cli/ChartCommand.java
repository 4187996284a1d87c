package dev.hoist.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hoist chart}: the project's own Helm charts, with real Helm in-process. */
@Command(
    name = "chart",
    mixinStandardHelpOptions = true,
    description = {
      "The project's own Helm charts: lint, template, package, push and pull, on real Helm (in-process).",
      "lint and template load Helm's native library (bundled for linux-amd64); package, push and pull are "
          + "hoist's own: reproducible archives, pushed through hoist's registry client as helm push writes them.",
      "Exit codes: 0 ok, 1 lint errors or a refused version, 2 usage, 3 a bad chart, 6 registry."
    })
public final class ChartCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
