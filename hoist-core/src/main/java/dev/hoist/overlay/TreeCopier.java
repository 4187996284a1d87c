package dev.hoist.overlay;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies directories of a repository: regular files and directories; a symlink is copied as what it
 * points to when that stays inside the repository, and refused otherwise.
 */
final class TreeCopier {
  private static final Set<PosixFilePermission> DIR_MODE =
      PosixFilePermissions.fromString("rwxr-xr-x");
  private static final Set<PosixFilePermission> EXEC_MODE = DIR_MODE;
  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-r--r--");
  private final Path repoRoot;

  /**
   * @param repoRoot the repository's real path
   */
  TreeCopier(Path repoRoot) {
    this.repoRoot = repoRoot;
  }

  /**
   * Copies {@code source} (shown in errors as {@code shown}, relative to the repository) to {@code
   * target}.
   */
  void copy(Path source, Path target, String shown) throws IOException {
    copy(source, target, shown, new HashSet<>());
  }

  private void copy(Path source, Path target, String shown, Set<Path> chain) throws IOException {
    if (Files.isSymbolicLink(source)) {
      Path real = resolveLink(source, shown);
      if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
        if (!chain.add(real)) {
          throw new IllegalArgumentException("symlink loop at " + shown);
        }
        copyDirectory(real, target, shown, chain);
        chain.remove(real);
      } else {
        copyFile(real, target, shown);
      }
    } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
      Path real = source.toRealPath();
      if (!chain.add(real)) {
        throw new IllegalArgumentException("symlink loop at " + shown);
      }
      copyDirectory(source, target, shown, chain);
      chain.remove(real);
    } else {
      copyFile(source, target, shown);
    }
  }

  private void copyDirectory(Path source, Path target, String shown, Set<Path> chain)
      throws IOException {
    Files.createDirectories(target);
    Files.setPosixFilePermissions(target, DIR_MODE);
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(source)) {
      entries.forEach(children::add);
    }
    children.sort(null);
    for (Path child : children) {
      String name = child.getFileName().toString();
      copy(child, target.resolve(name), shown + "/" + name, chain);
    }
  }

  private void copyFile(Path file, Path target, String shown) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("not a regular file or directory: " + shown);
    }
    Files.copy(file, target);
    // modes as git records them (0644, or 0755 when executable), whatever the umask: the artifact's
    // tar
    // carries them, so they must not differ between machines
    Files.setPosixFilePermissions(
        target,
        Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE)
            ? EXEC_MODE
            : FILE_MODE);
  }

  private Path resolveLink(Path link, String shown) throws IOException {
    Path real;
    try {
      real = link.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("broken symlink: " + shown);
    }
    if (!real.startsWith(repoRoot)) {
      throw new IllegalArgumentException(
          "symlink points outside the repository: "
              + shown
              + " -> "
              + Files.readSymbolicLink(link));
    }
    return real;
  }
}
