package dev.hoist.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hoist flux}: the Flux objects of every cluster. */
@Command(
    name = "flux",
    mixinStandardHelpOptions = true,
    description = "Flux objects for whole clusters from hoist.yaml.")
public final class FluxCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
