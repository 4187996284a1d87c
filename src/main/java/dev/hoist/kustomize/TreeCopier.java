package dev.hoist.kustomize;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies directories of a repository: regular files and directories; a symlink is copied as what it points to
 * when that stays inside the repository, and refused otherwise.
 */
final class TreeCopier {
  private final Path repoRoot;

  /** @param repoRoot the repository's real path */
  TreeCopier(Path repoRoot) {
    this.repoRoot = repoRoot;
  }

  void copy(Path source, Path target) throws IOException {
    copy(source, target, new HashSet<>());
  }

  private void copy(Path source, Path target, Set<Path> chain) throws IOException {
    if (Files.isSymbolicLink(source)) {
      Path real = resolveLink(source);
      if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
        if (!chain.add(real)) {
          throw new IllegalArgumentException("symlink loop at " + relative(source));
        }
        copyDirectory(real, target, chain);
        chain.remove(real);
      } else {
        copyFile(real, target, source);
      }
    } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
      Path real = source.toRealPath();
      if (!chain.add(real)) {
        throw new IllegalArgumentException("symlink loop at " + relative(source));
      }
      copyDirectory(source, target, chain);
      chain.remove(real);
    } else {
      copyFile(source, target, source);
    }
  }

  private void copyDirectory(Path source, Path target, Set<Path> chain) throws IOException {
    Files.createDirectories(target);
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(source)) {
      entries.forEach(children::add);
    }
    children.sort(null);
    for (Path child : children) {
      copy(child, target.resolve(child.getFileName().toString()), chain);
    }
  }

  private void copyFile(Path file, Path target, Path named) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("not a regular file or directory: " + relative(named));
    }
    Files.copy(file, target);
  }

  private Path resolveLink(Path link) throws IOException {
    Path real;
    try {
      real = link.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("broken symlink: " + relative(link));
    }
    if (!real.startsWith(repoRoot)) {
      throw new IllegalArgumentException("symlink points outside the repository: " + relative(link)
          + " -> " + Files.readSymbolicLink(link));
    }
    return real;
  }

  private String relative(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(repoRoot) ? repoRoot.relativize(abs).toString() : abs.toString();
  }
}
