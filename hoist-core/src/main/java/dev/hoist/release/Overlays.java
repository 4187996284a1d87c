package dev.hoist.release;

import java.nio.file.Files;
import java.nio.file.Path;

/** Small facts about overlay directories. */
final class Overlays {
  private static final String[] NAMES = {
    "kustomization.yaml", "kustomization.yml", "Kustomization"
  };

  private Overlays() {}

  /** The kustomization file of a directory, or null. */
  static Path kustomizationFile(Path dir) {
    for (String name : NAMES) {
      if (Files.isRegularFile(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    return null;
  }
}
