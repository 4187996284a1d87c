package dev.hoist.release;

import dev.hoist.artifact.TagConflictException;
import dev.hoist.artifact.TagPolicy;
import dev.hoist.git.Revision;
import dev.hoist.git.Semver;
import dev.hoist.oci.Repository;
import dev.hoist.run.ExitCode;
import dev.hoist.run.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the tag rules of every image and of the artifact against the destination, before the first
 * upload: a version tag that names another digest stops the release here, with both digests, and
 * nothing is pushed. {@code latest} moves only forward, for images as for the artifact; when it
 * stays, hoist says why.
 */
final class PlanTagsStep {
  private PlanTagsStep() {}

  /** A built image with its checked tag plan. */
  record PlannedImage(LocalImage image, TagPolicy.Plan plan) {}

  /** Every image's tag plan, and the artifact's (empty without an artifact). */
  record Plans(List<PlannedImage> images, Optional<TagPolicy.Plan> artifact) {
    Plans {
      images = List.copyOf(images);
    }
  }

  static Plans run(
      List<LocalImage> built,
      Optional<PackArtifactStep.Packed> packed,
      Publishing planning,
      String artifactRepository,
      ResolveRevisionStep.Version version,
      Progress progress)
      throws IOException {
    try {
      List<PlannedImage> images = new ArrayList<>();
      for (LocalImage image : built) {
        Repository repo = planning.repository(image.app());
        TagPolicy.Plan plan = TagPolicy.plan(repo, image.digest(), version.tags(), false);
        plan.notes().forEach(n -> progress.say("image " + image.app() + ": " + n));
        promotedFrom(repo, version.revision(), image, plan)
            .ifPresent(
                rc ->
                    progress.say(
                        "image "
                            + image.app()
                            + ": promotion: "
                            + rc
                            + " built the same digest; tags added, nothing rebuilt or uploaded"));
        images.add(new PlannedImage(image, plan));
      }
      Optional<TagPolicy.Plan> artifact = Optional.empty();
      if (packed.isPresent()) {
        artifact =
            Optional.of(
                TagPolicy.plan(
                    planning.repository(artifactRepository),
                    packed.get().digest(),
                    version.tags(),
                    false));
      }
      return new Plans(images, artifact);
    } catch (TagConflictException e) {
      throw new ReleaseException(ExitCode.FAILURE, e.getMessage(), e);
    }
  }

  /** The pre-release of this version that names the image's digest already, if any. */
  static Optional<String> promotedFrom(
      Repository repo, Revision revision, LocalImage image, TagPolicy.Plan plan)
      throws IOException {
    Semver version = revision.version();
    if (version.isPrerelease() || revision.snapshot() || plan.put().isEmpty()) {
      return Optional.empty();
    }
    for (String tag : repo.listTags()) {
      Semver v = Semver.fromTag(tag.startsWith("v") ? tag : "v" + tag);
      if (v != null
          && v.isPrerelease()
          && v.major().equals(version.major())
          && v.minor().equals(version.minor())
          && v.patch().equals(version.patch())
          && repo.resolve(tag).equals(Optional.of(image.digest()))) {
        return Optional.of(tag);
      }
    }
    return Optional.empty();
  }
}
