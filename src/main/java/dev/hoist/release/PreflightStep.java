package dev.hoist.release;

import dev.hoist.config.AppConfig;
import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks every input exists before anything is built, written or pushed. */
final class PreflightStep implements Step {
  @Override
  public String name() {
    return "preflight";
  }

  @Override
  public void run(ReleaseContext ctx) {
    ProjectConfig config = ctx.config;
    for (int i = 0; i < config.apps().size(); i++) {
      AppConfig app = config.apps().get(i);
      String field = "apps[" + i + "]";
      requireFile(config, field + ".jar", app.jar());
      for (int j = 0; j < app.classpath().size(); j++) {
        Path entry = config.root().resolve(app.classpath().get(j));
        if (!Files.exists(entry)) {
          throw configError(config, field + ".classpath", "not found: " + app.classpath().get(j));
        }
      }
    }
    for (int i = 0; i < config.overlays().size(); i++) {
      OverlayConfig overlay = config.overlays().get(i);
      Path dir = config.root().resolve(overlay.dir());
      if (!Files.isDirectory(dir)) {
        throw configError(config, "overlays[" + i + "]", "overlay directory not found: " + overlay.dir());
      }
      if (Overlays.kustomizationFile(dir) == null) {
        throw configError(config, "overlays[" + i + "]", "no kustomization.yaml in " + overlay.dir());
      }
    }
  }

  private static void requireFile(ProjectConfig config, String field, Path relative) {
    if (!Files.isRegularFile(config.root().resolve(relative))) {
      throw configError(config, field, "file not found: " + relative
          + (relative.startsWith("target") ? " (build it first: mvn package)" : ""));
    }
  }

  static ReleaseException configError(ProjectConfig config, String field, String message) {
    return new ReleaseException(ExitCode.CONFIG, config.where(field) + ": " + message);
  }
}
