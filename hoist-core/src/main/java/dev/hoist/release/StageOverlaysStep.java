package dev.hoist.release;

import dev.hoist.config.OverlayConfig;
import dev.hoist.overlay.OverlayStager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies base/ and the overlays into a staging directory and pins every overlay to the built
 * images.
 */
final class StageOverlaysStep implements Step {
  @Override
  public String name() {
    return "overlays";
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    List<Path> overlayDirs = ctx.config.overlays().stream().map(OverlayConfig::dir).toList();
    ctx.staged = ctx.work.resolve("stage");
    OverlayStager.stage(
        ctx.config.root(),
        copyDirs(ctx.config.root(), overlayDirs),
        ctx.staged,
        ctx.pins,
        overlayDirs);
    ctx.progress.say(
        "overlays: pinned "
            + ctx.pins.size()
            + " image(s) in "
            + overlayDirs.size()
            + " overlay(s)");
  }

  /** base/ (when present) and the top-level directory of every overlay, in a stable order. */
  static List<String> copyDirs(Path root, List<Path> overlayDirs) {
    Set<String> dirs = new LinkedHashSet<>();
    if (Files.isDirectory(root.resolve("base"))) {
      dirs.add("base");
    }
    for (Path overlay : overlayDirs) {
      dirs.add(overlay.getName(0).toString());
    }
    return List.copyOf(dirs);
  }
}
