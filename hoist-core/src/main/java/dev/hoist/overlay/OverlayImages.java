package dev.hoist.overlay;

import dev.hoist.files.TextFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code hoist overlay set-image}: edits an overlay's kustomization {@code images:} in place. */
public final class OverlayImages {
  private static final List<String> NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private OverlayImages() {}

  /**
   * Applies every {@code NAME=REF} to the kustomization in {@code overlayDir}; returns true when
   * the file changed. The file is replaced atomically (temporary sibling, then rename).
   */
  public static boolean setImages(Path overlayDir, List<String> refs) throws IOException {
    Path file = null;
    for (String n : NAMES) {
      if (Files.isRegularFile(overlayDir.resolve(n))) {
        file = overlayDir.resolve(n);
        break;
      }
    }
    if (file == null) {
      throw new IllegalArgumentException(
          overlayDir + ": no kustomization.yaml, kustomization.yml or Kustomization");
    }
    String before = Files.readString(file, StandardCharsets.UTF_8);
    String text = before;
    for (String ref : refs) {
      try {
        text = ImageRef.parse(ref).applyTo(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
      }
    }
    if (text.equals(before)) {
      return false;
    }
    return TextFiles.writeIfChanged(file, text);
  }
}
