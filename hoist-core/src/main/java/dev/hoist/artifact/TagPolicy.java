package dev.hoist.artifact;

import dev.hoist.git.Semver;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * hoist's tag rules, checked before anything is uploaded:
 *
 * <ul>
 *   <li>a version tag ({@code X.Y.Z[-PRE]}, {@code v} optional) that names another digest is
 *       refused, showing both digests, unless forced; one that names this digest already is left as
 *       it is;
 *   <li>{@code latest}, pushed together with a version, moves only when that version has no
 *       pre-release and is at least every stable version tag in the repository; pushed alone it is
 *       an ordinary tag;
 *   <li>{@code vX.Y.Z} and {@code X.Y.Z} are one version: either spelling taken by another digest
 *       makes the other immutable too;
 *   <li>a tag that looks like a version ({@code [v]N.N…}) but is not strict SemVer 2.0 ({@code
 *       1.2}, {@code 01.2.3}, {@code 1.2.3-rc.01}, {@code 1.2.3-}) is refused (exit 2): it would
 *       otherwise escape these rules; {@code _} stands for {@code +} (build metadata), as in Helm's
 *       and Flux's tags;
 *   <li>other tags (branch names, commit ids) move freely.
 * </ul>
 */
public final class TagPolicy {
  public static final String LATEST = "latest";
  private static final Pattern VERSION_LIKE = Pattern.compile("v?[0-9]+\\.[0-9].*");

  private TagPolicy() {}

  /**
   * Tags to put and the notes to tell; throws {@link TagConflictException} when a version tag is
   * taken.
   */
  public record Plan(List<String> keep, List<String> put, List<String> notes) {}

  public static Plan plan(Repository repo, Digest digest, List<String> tags, boolean force)
      throws IOException {
    List<String> keep = new ArrayList<>();
    List<String> put = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    tags.forEach(TagPolicy::checkVersionLike);
    Optional<Semver> version =
        tags.stream().map(TagPolicy::version).flatMap(Optional::stream).max(Semver::compareTo);
    for (String tag : tags) {
      if (keep.contains(tag) || put.contains(tag)) {
        continue;
      }
      if (tag.equals(LATEST) && version.isPresent()) {
        Optional<String> blocker = latestBlocker(repo, version.get());
        if (blocker.isPresent()) {
          notes.add("latest not moved: " + blocker.get());
          continue;
        }
      }
      Optional<Digest> current = repo.resolve(tag);
      if (current.isEmpty() && version(tag).isPresent()) {
        String other = tag.startsWith("v") ? tag.substring(1) : "v" + tag;
        Optional<Digest> spelled = repo.resolve(other);
        if (spelled.isPresent() && !spelled.get().equals(digest) && !force) {
          conflicts.add(
              repo.name()
                  + ":"
                  + other
                  + " (the same version as "
                  + tag
                  + ") is "
                  + spelled.get()
                  + ", this artifact is "
                  + digest);
          continue;
        }
      }
      if (current.isPresent() && current.get().equals(digest)) {
        keep.add(tag);
      } else if (current.isPresent() && version(tag).isPresent()) {
        if (!force) {
          conflicts.add(
              repo.name() + ":" + tag + " is " + current.get() + ", this artifact is " + digest);
          continue;
        }
        notes.add(
            "--force: moving "
                + repo.name()
                + ":"
                + tag
                + " from "
                + current.get()
                + " to "
                + digest);
        put.add(tag);
      } else {
        put.add(tag);
      }
    }
    if (!conflicts.isEmpty()) {
      throw new TagConflictException(
          "version tags are immutable: "
              + String.join("; ", conflicts)
              + " (nothing was uploaded; push a new version, or use --force to move the tag)");
    }
    return new Plan(keep, put, notes);
  }

  /** Why {@code latest} must stay, or empty when {@code version} may take it. */
  private static Optional<String> latestBlocker(Repository repo, Semver version)
      throws IOException {
    if (version.isPrerelease()) {
      return Optional.of(version + " is a pre-release");
    }
    Optional<Semver> newest =
        repo.listTags().stream()
            .map(TagPolicy::version)
            .flatMap(Optional::stream)
            .filter(v -> !v.isPrerelease())
            .max(Semver::compareTo);
    if (newest.isPresent() && newest.get().compareTo(version) > 0) {
      return Optional.of(repo.name() + " already has " + newest.get() + ", newer than " + version);
    }
    return Optional.empty();
  }

  /**
   * Refuses a tag that looks like a version but is not one (exit 2), naming the rule.
   *
   * @throws HoistException with {@link ExitCode#USAGE}
   */
  static void checkVersionLike(String tag) {
    if (VERSION_LIKE.matcher(tag).matches() && version(tag).isEmpty()) {
      throw new HoistException(
          ExitCode.USAGE,
          "tag "
              + tag
              + " looks like a version but is not SemVer 2.0 (MAJOR.MINOR.PATCH[-PRERELEASE][_BUILD],"
              + " numbers without leading zeros, an optional v): hoist refuses it so that it"
              + " cannot escape the immutability of version tags");
    }
  }

  /**
   * The version a tag names: {@code X.Y.Z[-PRE][_BUILD]} with an optional {@code v} ({@code _}
   * stands for {@code +}, which tags cannot hold).
   */
  static Optional<Semver> version(String tag) {
    String bare = (tag.startsWith("v") ? tag.substring(1) : tag).replace('_', '+');
    try {
      return Optional.of(Semver.parse(bare));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
