package dev.hoist.overlay;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Stages a repository's Kustomize directories with every overlay's images pinned to digests. The
 * repository is only read; the staged tree is built in a temporary sibling of the stage directory
 * and renamed into place.
 */
public final class OverlayStager {
  private static final List<String> KUSTOMIZATION_FILES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private OverlayStager() {}

  /**
   * Copies {@code copyDirs} (relative to {@code repoRoot}, e.g. {@code base}, {@code overlays})
   * into {@code stageDir}, then sets every pin in the kustomization file of each of {@code
   * overlayDirs} (relative, e.g. {@code overlays/dev}). An existing {@code stageDir} is replaced.
   *
   * @throws IllegalArgumentException (one line) for a missing dir, an overlay without a
   *     kustomization file, a symlink pointing outside the repository, or a kustomization that
   *     cannot be edited
   */
  public static void stage(
      Path repoRoot, List<String> copyDirs, Path stageDir, List<Pin> pins, List<Path> overlayDirs)
      throws IOException {
    Path root = repoRoot.toRealPath();
    Path stage = stageDir.toAbsolutePath().normalize();
    if (root.startsWith(stage)) {
      throw new IllegalArgumentException("stage dir " + stageDir + " contains the repository");
    }
    List<Path> sources = new ArrayList<>();
    for (String dir : copyDirs) {
      Path rel = StagePaths.relative(dir, "copy dir");
      Path source = root.resolve(rel);
      if (!Files.isDirectory(source)) {
        throw new IllegalArgumentException("copy dir not found: " + dir);
      }
      if (stage.startsWith(source) || stage.startsWith(source.toRealPath())) {
        throw new IllegalArgumentException("stage dir " + stageDir + " overlaps copied dir " + dir);
      }
      for (Path other : sources) {
        if (rel.startsWith(other) || other.startsWith(rel)) {
          throw new IllegalArgumentException("copy dirs overlap: " + other + " and " + rel);
        }
      }
      sources.add(rel);
    }
    List<Path> overlays = new ArrayList<>();
    for (Path overlay : overlayDirs) {
      Path rel = StagePaths.relative(overlay.toString(), "overlay dir");
      if (sources.stream().noneMatch(rel::startsWith)) {
        throw new IllegalArgumentException(
            "overlay dir " + overlay + " is not inside the copied dirs " + copyDirs);
      }
      overlays.add(rel);
    }
    Files.createDirectories(stage.getParent());
    Path temp = Files.createTempDirectory(stage.getParent(), "." + stage.getFileName() + ".");
    StagePaths.makeReadable(temp);
    try {
      TreeCopier copier = new TreeCopier(root);
      for (Path rel : sources) {
        Path target = temp.resolve(rel.toString());
        Files.createDirectories(target.getParent());
        copier.copy(root.resolve(rel), target, rel.toString());
      }
      for (Path overlay : overlays) {
        pinOverlay(temp, overlay, pins);
      }
      StagePaths.replace(temp, stage);
    } finally {
      StagePaths.deleteTree(temp);
    }
  }

  private static void pinOverlay(Path stageRoot, Path overlay, List<Pin> pins) throws IOException {
    editKustomization(
        stageRoot,
        overlay,
        text -> {
          String edited = text;
          for (Pin pin : pins) {
            edited =
                KustomizationEditor.setImage(
                    edited, pin.imageName(), pin.repository(), pin.digest().toString());
          }
          return edited;
        });
  }

  /**
   * Edits the kustomization file of a staged overlay ({@code overlay} relative to {@code
   * stageRoot}); the file is written only when the edit changes it.
   *
   * @throws IllegalArgumentException (one line, naming the file) for a missing overlay or
   *     kustomization file, text that is not UTF-8, or an edit that fails
   */
  public static void editKustomization(
      Path stageRoot, Path overlay, java.util.function.UnaryOperator<String> edit)
      throws IOException {
    Path dir = stageRoot.resolve(overlay.toString());
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("overlay dir not found: " + overlay);
    }
    List<Path> found = new ArrayList<>();
    for (String name : KUSTOMIZATION_FILES) {
      if (Files.isRegularFile(dir.resolve(name))) {
        found.add(dir.resolve(name));
      }
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException("no kustomization.yaml in overlay dir " + overlay);
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          "more than one kustomization file in overlay dir " + overlay);
    }
    Path file = found.get(0);
    String shown = overlay.resolve(file.getFileName().toString()).toString();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(shown + ": not valid UTF-8");
    }
    String edited;
    try {
      edited = edit.apply(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(shown + ": " + e.getMessage(), e);
    }
    if (!edited.equals(text)) {
      Files.writeString(file, edited, StandardCharsets.UTF_8);
    }
  }

  static void moveAtomically(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
  }
}
