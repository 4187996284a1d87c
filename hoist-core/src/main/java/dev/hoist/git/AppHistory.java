package dev.hoist.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LogCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * When an app last changed: the newest commit (up to HEAD) that touched one of the app's input
 * paths (its module, its layers' sources) or changed the app's own entry in hoist.yaml. An image
 * built from an app takes its {@code created} time and revision label from that commit, so an app
 * that did not change keeps its digest while other apps of the repository are released.
 */
public final class AppHistory {
  /** How many commits of hoist.yaml's history are read to find the entry's last change. */
  static final int MAX_DESCRIPTOR_COMMITS = 500;

  private AppHistory() {}

  /** A commit and its commit time. */
  public record Change(String commit, Instant time) {}

  /**
   * The last change of an app, or empty outside a checkout or when no commit touched its inputs.
   *
   * @param paths the app's inputs (files or directories, absolute or relative to {@code dir})
   * @param descriptor hoist.yaml
   * @param entryOf the app's entry in a hoist.yaml text, in a form that is equal when the entry is
   *     (null when the text has none)
   */
  public static Optional<Change> lastChange(
      Path dir, List<Path> paths, Path descriptor, Function<String, String> entryOf) {
    try (Repository repo = GitInspector.open(dir);
        Git git = new Git(repo)) {
      ObjectId head = repo.resolve(Constants.HEAD);
      if (head == null) {
        return Optional.empty();
      }
      Path top = repo.getWorkTree().toPath().toAbsolutePath().normalize();
      RevCommit newest = null;
      LogCommand log = git.log().add(head).setMaxCount(1);
      boolean any = false;
      boolean whole = false;
      for (Path p : paths) {
        Optional<String> rel = relative(top, dir.resolve(p));
        if (rel.isPresent() && rel.get().equals(".")) {
          whole = true; // the app is the whole repository: every commit changes it
        } else if (rel.isPresent()) {
          log.addPath(rel.get());
          any = true;
        }
      }
      if (whole) {
        newest = repo.parseCommit(head);
      } else if (any) {
        for (RevCommit c : log.call()) {
          newest = c;
        }
      }
      Optional<String> yaml = relative(top, dir.resolve(descriptor));
      if (yaml.isPresent()) {
        RevCommit entry = entryChange(repo, git, head, yaml.get(), entryOf);
        if (entry != null && (newest == null || entry.getCommitTime() > newest.getCommitTime())) {
          newest = entry;
        }
      }
      return newest == null
          ? Optional.empty()
          : Optional.of(
              new Change(newest.getName(), Instant.ofEpochSecond(newest.getCommitTime())));
    } catch (IOException | GitAPIException | GitException e) {
      return Optional.empty();
    }
  }

  /** The newest commit whose hoist.yaml holds another entry than its parent's. */
  private static RevCommit entryChange(
      Repository repo, Git git, ObjectId head, String path, Function<String, String> entryOf)
      throws IOException, GitAPIException {
    for (RevCommit c :
        git.log().add(head).addPath(path).setMaxCount(MAX_DESCRIPTOR_COMMITS).call()) {
      String here = entryOf.apply(text(repo, c, path));
      String before =
          c.getParentCount() == 0 ? null : entryOf.apply(text(repo, c.getParent(0), path));
      if (!Objects.equals(here, before)) {
        return c;
      }
    }
    return null;
  }

  private static String text(Repository repo, RevCommit commit, String path) throws IOException {
    RevCommit parsed = repo.parseCommit(commit);
    try (TreeWalk walk = TreeWalk.forPath(repo, path, parsed.getTree())) {
      if (walk == null) {
        return "";
      }
      return new String(repo.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Optional<String> relative(Path top, Path path) {
    Path p = path.toAbsolutePath().normalize();
    if (!p.startsWith(top)) {
      return Optional.empty();
    }
    String rel = top.relativize(p).toString().replace('\\', '/');
    return Optional.of(rel.isEmpty() ? "." : rel);
  }
}
