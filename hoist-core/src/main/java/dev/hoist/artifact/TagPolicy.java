package dev.hoist.artifact;

import dev.hoist.git.Semver;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 *   <li>other tags (branch names, commit ids) move freely.
 * </ul>
 */
final class TagPolicy {
  static final String LATEST = "latest";

  private TagPolicy() {}

  /**
   * Tags to put and the notes to tell; throws {@link TagConflictException} when a version tag is
   * taken.
   */
  record Plan(List<String> keep, List<String> put, List<String> notes) {}

  static Plan plan(Repository repo, Digest digest, List<String> tags, boolean force)
      throws IOException {
    List<String> keep = new ArrayList<>();
    List<String> put = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
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

  /** The version a tag names: {@code X.Y.Z[-PRE][+BUILD]} with an optional {@code v}. */
  static Optional<Semver> version(String tag) {
    String bare = tag.startsWith("v") ? tag.substring(1) : tag;
    try {
      return Optional.of(Semver.parse(bare));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
