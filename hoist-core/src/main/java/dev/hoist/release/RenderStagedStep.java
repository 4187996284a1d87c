package dev.hoist.release;

import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.kustomize.RenderException;
import dev.hoist.kustomize.Rendered;
import dev.hoist.run.ExitCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders every staged overlay once, pinned as it will be pushed, for the checks that read the
 * rendered objects (validation, lint): they see the same objects, placed at their staged source
 * lines.
 */
final class RenderStagedStep {
  private RenderStagedStep() {}

  /** An overlay of the staged tree, its directory there, and what it renders to. */
  record StagedOverlay(OverlayConfig overlay, Path dir, Rendered rendered) {}

  static List<StagedOverlay> run(ProjectConfig config, Path staged, OverlayRenderer renderer) {
    List<StagedOverlay> out = new ArrayList<>();
    for (OverlayConfig overlay : config.overlays()) {
      Path dir = staged.resolve(overlay.dir().toString());
      try {
        out.add(new StagedOverlay(overlay, dir, renderer.render(dir)));
      } catch (RenderException e) {
        throw new ReleaseException(
            ExitCode.FAILURE,
            "overlay " + overlay.name() + " does not render: " + e.getMessage(),
            e);
      }
    }
    return out;
  }
}
