package dev.hoist.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Replaces a directory with another tree's content, atomically, and only when the content differs. */
final class TreeSync {
  private TreeSync() {}

  /** Makes {@code target} hold exactly {@code source}'s files; returns whether anything changed. */
  static boolean replace(Path source, Path target) throws IOException {
    if (Files.isDirectory(target) && sameTree(source, target)) {
      return false;
    }
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path fresh = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
    Path old = parent.resolve("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
    try {
      copy(source, fresh);
      if (Files.exists(target)) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Release.deleteQuietly(fresh);
      Release.deleteQuietly(old);
    }
    return true;
  }

  private static void copy(Path from, Path to) throws IOException {
    for (Path p : files(from, true)) {
      Path dest = to.resolve(from.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(dest);
      } else {
        Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  static boolean sameTree(Path a, Path b) throws IOException {
    List<Path> left = files(a, false);
    List<Path> right = files(b, false);
    if (!left.stream().map(p -> a.relativize(p).toString()).toList()
        .equals(right.stream().map(p -> b.relativize(p).toString()).toList())) {
      return false;
    }
    for (int i = 0; i < left.size(); i++) {
      if (!Arrays.equals(Files.readAllBytes(left.get(i)), Files.readAllBytes(right.get(i)))) {
        return false;
      }
    }
    return true;
  }

  private static List<Path> files(Path root, boolean withDirs) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> withDirs || Files.isRegularFile(p)).sorted().toList();
    }
  }
}
