package dev.hoist.overlay;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Path checks and directory moves for staging. */
final class StagePaths {
  private StagePaths() {}

  /** A normalised relative path that stays inside its root; {@code what} names it in errors. */
  static Path relative(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    Path p = Path.of(value).normalize();
    if (p.isAbsolute() || p.toString().isEmpty() || p.startsWith("..")) {
      throw new IllegalArgumentException(
          what + " must be a relative path inside the repository: " + value);
    }
    return p;
  }

  /**
   * Puts the finished tree {@code built} at {@code target}: a rename when {@code target} does not
   * exist, else the old tree is renamed aside, the new one renamed in, and the old one deleted.
   */
  static void replace(Path built, Path target) throws IOException {
    if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      OverlayStager.moveAtomically(built, target);
      return;
    }
    if (!Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("stage dir exists and is not a directory: " + target);
    }
    Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old.");
    Files.delete(old);
    OverlayStager.moveAtomically(target, old);
    try {
      OverlayStager.moveAtomically(built, target);
    } catch (IOException e) {
      OverlayStager.moveAtomically(old, target);
      throw e;
    }
    deleteTree(old);
  }

  /** Temp directories are created owner-only; a stage dir is rwxr-xr-x like any other. */
  static void makeReadable(Path dir) throws IOException {
    if (Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class)
        != null) {
      Files.setPosixFilePermissions(
          dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
