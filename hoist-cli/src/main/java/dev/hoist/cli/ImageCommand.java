package dev.hoist.cli;

import picocli.CommandLine.Command;

/** {@code hoist image}: the image stage on its own. */
@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    description = "Builds the apps' container images (see: hoist image build --help).")
public final class ImageCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
