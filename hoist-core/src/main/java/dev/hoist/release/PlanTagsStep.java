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

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    try {
      for (ReleaseContext.LocalImage image : ctx.built) {
        image.plan =
            TagPolicy.plan(ctx.publishing.repository(image.app), image.digest, ctx.tags, false);
        image.plan.notes().forEach(n -> ctx.progress.say("image " + image.app + ": " + n));
      }
      if (ctx.packed != null) {
        Digest digest =
            Digest.sha256(
                ArtifactManifest.json(
                    ArtifactManifest.configDescriptor(), ctx.packed.layer(), ctx.metadata));
        ctx.artifactPlan =
            TagPolicy.plan(
                ctx.publishing.repository(ctx.config.artifactRepository()),
                digest,
                ctx.tags,
                false);
      }
    } catch (TagConflictException e) {
      throw new ReleaseException(ExitCode.FAILURE, e.getMessage(), e);
    }
  }
}
