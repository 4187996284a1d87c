package dev.hoist.cli;

import dev.hoist.release.HoistVersion;
import picocli.CommandLine.Command;

/** {@code hoist}: the top-level command; every job is a subcommand. */
@Command(
    name = "hoist",
    mixinStandardHelpOptions = true,
    versionProvider = HoistCommand.Version.class,
    description = "Turns a git checkout into everything Flux needs: images, pinned overlays, "
        + "OCI artifacts and Flux objects.",
    subcommands = {
      ReleaseCommand.class,
      FluxCommand.class,
      ValidateCommand.class,
      ArtifactCommand.class,
      ImageCommand.class,
      RenderCommand.class,
      OverlayCommand.class,
    })
public final class HoistCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.err);
  }

  /** Prints hoist's version. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"hoist " + HoistVersion.get()};
    }
  }
}
