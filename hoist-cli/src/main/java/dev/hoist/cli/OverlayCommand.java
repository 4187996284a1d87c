package dev.hoist.cli;

import dev.hoist.overlay.OverlayImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hoist overlay}: edits overlays. */
@Command(name = "overlay", mixinStandardHelpOptions = true, description = "Edits overlays.")
public final class OverlayCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code hoist overlay set-image OVERLAY_DIR NAME=REF…}. */
  @Command(
      name = "set-image",
      mixinStandardHelpOptions = true,
      description = {
        "Sets images in an overlay's kustomization, keeping comments, key order and other entries.",
        "REF is repo, repo:tag, repo@sha256:… or repo:tag@sha256:…; a tag alone removes a stale digest, a digest "
            + "alone removes a stale tag, a new name alone keeps the tag."
      })
  static final class SetImage implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OVERLAY_DIR")
    Path overlay;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "NAME=REF")
    List<String> refs;

    @Override
    public Integer call() throws IOException {
      boolean changed = OverlayImages.setImages(overlay, refs);
      spec.commandLine().getErr().println(overlay + (changed ? ": updated" : ": unchanged"));
      return 0;
    }
  }
}
