package dev.hoist.git;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Reads the release {@link Revision} of a checkout with JGit: semver tag at HEAD, clean tree,
 * remote.
 */
public final class GitInspector {
  private GitInspector() {}

  /**
   * The revision to release. Without {@code snapshot}, HEAD must carry a {@code vX.Y.Z[-PRE]} tag
   * and the tree must be clean; with it, the version is {@code 0.0.0-<12 hex>} and a dirty tree is
   * allowed.
   */
  public static Revision inspect(Path dir, boolean snapshot) {
    return inspect(dir, snapshot, path -> false);
  }

  /**
   * {@link #inspect(Path, boolean)}, where a modified or untracked file for which {@code ownOutput}
   * is true (given its absolute path) does not make the tree dirty: a re-run of the same release
   * finds the files the previous run wrote, with the very content it would write again.
   */
  public static Revision inspect(
      Path dir, boolean snapshot, java.util.function.Predicate<Path> ownOutput) {
    try (Repository repo = open(dir);
        Git git = new Git(repo);
        RevWalk walk = new RevWalk(repo)) {
      ObjectId head = repo.resolve(Constants.HEAD);
      if (head == null) {
        throw new GitException(
            GitException.Reason.UNTAGGED, dir + ": the repository has no commit yet");
      }
      RevCommit commit = walk.parseCommit(head);
      String sha = commit.getName();
      Instant time = Instant.ofEpochSecond(commit.getCommitTime());
      String branch =
          repo.getFullBranch() != null && repo.getFullBranch().startsWith(Constants.R_HEADS)
              ? Repository.shortenRefName(repo.getFullBranch())
              : null;
      String source = remoteUrl(repo);
      if (snapshot) {
        Semver version = Semver.parse("0.0.0-" + sha.substring(0, 12));
        return new Revision(version, null, sha, time, source, branch, true);
      }
      String tag = releaseTag(repo, head);
      requireClean(git, repo.getWorkTree().toPath(), ownOutput);
      return new Revision(Semver.fromTag(tag), tag, sha, time, source, branch, false);
    } catch (IOException | GitAPIException e) {
      throw new GitException(
          GitException.Reason.NOT_A_REPOSITORY,
          dir + ": cannot read git repository: " + e.getMessage());
    }
  }

  /**
   * What HEAD is, without release rules, for artifact metadata: the tag at HEAD (the highest semver
   * tag, else the first by name) or null, branch, commit, commit time and remote. Empty when {@code
   * dir} is not inside a git checkout or the repository has no commit. Never fails on a dirty tree.
   */
  public static java.util.Optional<Revision> head(Path dir) {
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      return java.util.Optional.empty();
    }
    try (Repository repo = builder.setMustExist(true).build();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId head = repo.resolve(Constants.HEAD);
      if (head == null) {
        return java.util.Optional.empty();
      }
      RevCommit commit = walk.parseCommit(head);
      String sha = commit.getName();
      String branch =
          repo.getFullBranch() != null && repo.getFullBranch().startsWith(Constants.R_HEADS)
              ? Repository.shortenRefName(repo.getFullBranch())
              : null;
      List<String> tags = tagsAt(repo, head);
      String tag =
          tags.stream()
              .filter(t -> Semver.fromTag(t) != null)
              .max(Comparator.comparing(Semver::fromTag))
              .orElse(tags.stream().sorted().findFirst().orElse(null));
      Semver version =
          tag != null && Semver.fromTag(tag) != null
              ? Semver.fromTag(tag)
              : Semver.parse("0.0.0-" + sha.substring(0, 12));
      return java.util.Optional.of(
          new Revision(
              version,
              tag,
              sha,
              Instant.ofEpochSecond(commit.getCommitTime()),
              remoteUrl(repo),
              branch,
              tag == null));
    } catch (IOException e) {
      throw new GitException(
          GitException.Reason.NOT_A_REPOSITORY,
          dir + ": cannot read git repository: " + e.getMessage());
    }
  }

  private static List<String> tagsAt(Repository repo, ObjectId head) throws IOException {
    List<String> tagsAtHead = new ArrayList<>();
    for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
      Ref peeled = repo.getRefDatabase().peel(ref);
      ObjectId target =
          peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
      if (head.equals(target)) {
        tagsAtHead.add(Repository.shortenRefName(ref.getName()));
      }
    }
    return tagsAtHead;
  }

  static Repository open(Path dir) throws IOException {
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
    if (builder.getGitDir() == null) {
      throw new GitException(
          GitException.Reason.NOT_A_REPOSITORY,
          dir
              + ": not inside a git checkout (hoist releases commits; run git init and commit first)");
    }
    return builder.setMustExist(true).build();
  }

  private static String releaseTag(Repository repo, ObjectId head) throws IOException {
    List<String> tagsAtHead = tagsAt(repo, head);
    if (tagsAtHead.isEmpty()) {
      throw new GitException(
          GitException.Reason.UNTAGGED,
          "HEAD "
              + head.abbreviate(12).name()
              + " has no tag: tag it vMAJOR.MINOR.PATCH to release, or use --snapshot");
    }
    return tagsAtHead.stream()
        .filter(t -> Semver.fromTag(t) != null)
        .max(Comparator.comparing(Semver::fromTag))
        .orElseThrow(
            () ->
                new GitException(
                    GitException.Reason.NOT_SEMVER,
                    "HEAD's tags "
                        + String.join(", ", tagsAtHead)
                        + " are not semantic versions vMAJOR.MINOR.PATCH[-PRERELEASE]"));
  }

  private static void requireClean(
      Git git, Path workTree, java.util.function.Predicate<Path> ownOutput) throws GitAPIException {
    Status status = git.status().call();
    if (status.isClean()) {
      return;
    }
    Set<String> dirty = new TreeSet<>();
    for (String path : status.getModified()) {
      if (!ownOutput.test(workTree.resolve(path))) {
        dirty.add(path);
      }
    }
    for (String path : status.getUntracked()) {
      if (!ownOutput.test(workTree.resolve(path))) {
        dirty.add(path);
      }
    }
    dirty.addAll(status.getChanged());
    dirty.addAll(status.getAdded());
    dirty.addAll(status.getRemoved());
    dirty.addAll(status.getMissing());
    dirty.addAll(status.getConflicting());
    if (dirty.isEmpty()) {
      return;
    }
    String first = dirty.isEmpty() ? "" : dirty.iterator().next();
    throw new GitException(
        GitException.Reason.DIRTY,
        "the working tree is not clean ("
            + dirty.size()
            + " path(s), first: "
            + first
            + "): commit or stash before releasing, or use --snapshot");
  }

  /** The origin remote's URL (else the first remote's), without any user or password in it. */
  static String remoteUrl(Repository repo) {
    var config = repo.getConfig();
    Set<String> remotes = config.getSubsections("remote");
    String name =
        remotes.contains("origin") ? "origin" : remotes.stream().sorted().findFirst().orElse(null);
    String url = name == null ? null : config.getString("remote", name, "url");
    return url == null ? null : withoutCredentials(url);
  }

  static String withoutCredentials(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() != null && uri.getRawUserInfo() != null) {
        return new URI(
                uri.getScheme(),
                null,
                uri.getHost(),
                uri.getPort(),
                uri.getPath(),
                uri.getQuery(),
                uri.getFragment())
            .toString();
      }
    } catch (URISyntaxException e) {
      // scp-like syntax (git@host:path) carries no secret
    }
    return url;
  }
}
