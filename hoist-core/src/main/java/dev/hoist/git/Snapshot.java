package dev.hoist.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of a commit written into a directory (a checkout without touching the work tree or the
 * index), for comparing what a ref renders with what the working tree renders.
 */
public final class Snapshot {
  private Snapshot() {}

  /**
   * Writes the tree of {@code ref} (a branch, tag, commit id or {@code HEAD~1}) of the repository
   * holding {@code dir} into {@code target}; returns the commit id. Symbolic links and submodules
   * are left out; an unknown ref is an {@link IllegalArgumentException}.
   */
  public static String write(Path dir, String ref, Path target) throws IOException {
    try (Repository repo = GitInspector.open(dir.toAbsolutePath())) {
      ObjectId id = repo.resolve(ref + "^{commit}");
      if (id == null) {
        throw new IllegalArgumentException("--against-ref " + ref + ": no such commit");
      }
      try (RevWalk walk = new RevWalk(repo);
          TreeWalk tree = new TreeWalk(repo)) {
        RevCommit commit = walk.parseCommit(id);
        tree.addTree(commit.getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          int mode = tree.getFileMode(0).getBits();
          if ((mode & 0170000) != 0100000) {
            continue; // not a regular file
          }
          Path file = target.resolve(tree.getPathString()).normalize();
          if (!file.startsWith(target)) {
            continue;
          }
          Files.createDirectories(file.getParent());
          try (InputStream in = repo.open(tree.getObjectId(0)).openStream()) {
            Files.copy(in, file);
          }
        }
        return commit.getName();
      }
    }
  }
}
