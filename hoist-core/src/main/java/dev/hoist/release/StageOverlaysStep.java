package dev.hoist.release;

import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.overlay.OverlayStager;
import dev.hoist.overlay.Pin;
import dev.hoist.run.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies base/ and the overlays into a staging directory under the release's scratch directory and
 * pins every overlay to the built images; returns the staged tree.
 */
final class StageOverlaysStep {
  private StageOverlaysStep() {}

  static Path run(ProjectConfig config, List<Pin> pins, Path work, Progress progress)
      throws IOException {
    List<Path> overlayDirs = config.overlays().stream().map(OverlayConfig::dir).toList();
    Path staged = work.resolve("stage");
    OverlayStager.stage(
        config.root(), copyDirs(config.root(), overlayDirs), staged, pins, overlayDirs);
    progress.say(
        "overlays: pinned " + pins.size() + " image(s) in " + overlayDirs.size() + " overlay(s)");
    return staged;
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
