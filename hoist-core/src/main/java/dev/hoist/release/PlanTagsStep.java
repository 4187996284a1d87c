package dev.hoist.release;

import dev.hoist.artifact.ArtifactManifest;
import dev.hoist.artifact.TagConflictException;
import dev.hoist.artifact.TagPolicy;
import dev.hoist.oci.Digest;
import dev.hoist.run.ExitCode;
import java.io.IOException;

/**
 * Checks the tag rules of every image and of the artifact against the destination, before the first
 * upload: a version tag that names another digest stops the release here, with both digests, and
 * nothing is pushed. {@code latest} moves only forward, for images as for the artifact; when it
 * stays, hoist says why.
 */
final class PlanTagsStep implements Step {
  @Override
  public String name() {
    return "tags";
  }

  /** The pre-release of this version that names the image's digest already, if any. */
  static java.util.Optional<String> promotedFrom(
      ReleaseContext ctx, ReleaseContext.LocalImage image) throws IOException {
    dev.hoist.git.Semver version = ctx.revision.version();
    if (version.isPrerelease() || ctx.revision.snapshot() || image.plan.put().isEmpty()) {
      return java.util.Optional.empty();
    }
    var repo = ctx.planning.repository(image.app);
    for (String tag : repo.listTags()) {
      dev.hoist.git.Semver v = dev.hoist.git.Semver.fromTag(tag.startsWith("v") ? tag : "v" + tag);
      if (v != null
          && v.isPrerelease()
          && v.major().equals(version.major())
          && v.minor().equals(version.minor())
          && v.patch().equals(version.patch())
          && repo.resolve(tag).equals(java.util.Optional.of(image.digest))) {
        return java.util.Optional.of(tag);
      }
    }
    return java.util.Optional.empty();
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    try {
      for (ReleaseContext.LocalImage image : ctx.built) {
        image.plan =
            TagPolicy.plan(ctx.planning.repository(image.app), image.digest, ctx.tags, false);
        image.plan.notes().forEach(n -> ctx.progress.say("image " + image.app + ": " + n));
        promotedFrom(ctx, image)
            .ifPresent(
                rc ->
                    ctx.progress.say(
                        "image "
                            + image.app
                            + ": promotion: "
                            + rc
                            + " built the same digest; tags added, nothing rebuilt or uploaded"));
      }
      if (ctx.packed != null) {
        Digest digest =
            Digest.sha256(
                ArtifactManifest.json(
                    ArtifactManifest.configDescriptor(), ctx.packed.layer(), ctx.metadata));
        ctx.artifactPlan =
            TagPolicy.plan(
                ctx.planning.repository(ctx.config.artifactRepository()), digest, ctx.tags, false);
      }
    } catch (TagConflictException e) {
      throw new ReleaseException(ExitCode.FAILURE, e.getMessage(), e);
    }
  }
}
