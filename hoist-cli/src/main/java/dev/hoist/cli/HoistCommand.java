package dev.hoist.cli;

import dev.hoist.run.HoistVersion;
import picocli.CommandLine.Command;

/** {@code hoist}: the top-level command; every job is a subcommand. */
@Command(
    name = "hoist",
    mixinStandardHelpOptions = true,
    description =
        "Turns a git checkout into everything Flux needs: images, pinned overlays, "
            + "OCI artifacts and Flux objects.")
public final class HoistCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Prints hoist's version; {@link CommandTree} gives it to every command. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"hoist " + HoistVersion.get()};
    }
  }
}
