package dev.hoist.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * The one way hoist writes a project's text files: whole or not at all, and only when they change.
 */
public final class TextFiles {
  private TextFiles() {}

  /**
   * Writes {@code content} (UTF-8) to {@code file} through a temporary sibling and an atomic
   * rename, creating parent directories; an existing file keeps its permissions, a new one gets
   * rw-r--r--. Returns false, leaving the file untouched, when it already holds exactly that
   * content.
   *
   * @throws UncheckedIOException with a one-line message {@code cannot write <file>: <reason>}
   */
  public static boolean writeIfChanged(Path file, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    Path target = file.toAbsolutePath();
    try {
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
        return false;
      }
      if (Files.isDirectory(target)) {
        throw new IOException("is a directory");
      }
      Path dir = target.getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try {
        Files.write(temp, bytes);
        keepOrDefaultPermissions(temp, target);
        try {
          Files.move(
              temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Temp files are created owner-only; give the result the old file's permissions, or rw-r--r--.
   */
  private static void keepOrDefaultPermissions(Path temp, Path target) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    view.setPermissions(
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : PosixFilePermissions.fromString("rw-r--r--"));
  }
}
