package dev.hoist.release;

import dev.hoist.config.ConfigException;
import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.images.AppImages;
import dev.hoist.run.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks every input exists before anything is built, written or pushed. */
final class PreflightStep {
  private PreflightStep() {}

  static void run(ProjectConfig config) {
    for (int i = 0; i < config.apps().size(); i++) {
      try {
        AppImages.preflight(config, i);
      } catch (ConfigException e) {
        throw new ReleaseException(ExitCode.CONFIG, e.getMessage());
      }
    }
    for (int i = 0; i < config.overlays().size(); i++) {
      OverlayConfig overlay = config.overlays().get(i);
      Path dir = config.root().resolve(overlay.dir());
      if (!Files.isDirectory(dir)) {
        throw configError(
            config, "overlays[" + i + "]", "overlay directory not found: " + overlay.dir());
      }
      if (Overlays.kustomizationFile(dir) == null) {
        throw configError(
            config, "overlays[" + i + "]", "no kustomization.yaml in " + overlay.dir());
      }
    }
  }

  static ReleaseException configError(ProjectConfig config, String field, String message) {
    return new ReleaseException(ExitCode.CONFIG, config.where(field) + ": " + message);
  }
}
