package dev.hoist.release;

import dev.hoist.oci.ImageCopy;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the images built and checked before: each copied byte for byte from its local layout
 * (blobs first, then the manifest under the tags the plan allows), so the digests pinned in the
 * overlays are the digests in the registry. An image whose tags all name it already sends nothing.
 */
final class PublishImagesStep implements Step {
  @Override
  public String name() {
    return "images";
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    for (ReleaseContext.LocalImage image : ctx.built) {
      Repository repo = ctx.publishing.repository(image.app);
      List<String> tags = new ArrayList<>(image.plan.keep());
      if (!image.plan.put().isEmpty()) {
        ImageCopy.copy(image.layout, repo, image.digest.toString(), image.plan.put());
        tags.addAll(image.plan.put());
      }
      List<String> inOrder = ctx.tags.stream().filter(tags::contains).toList();
      ctx.images.add(
          new ReleaseResult.Image(
              image.app, image.repository + "@" + image.digest, image.digest.toString(), inOrder));
      ctx.pushed.add("image " + image.repository + "@" + image.digest);
      ctx.progress.say(
          "image "
              + image.app
              + ": "
              + image.repository
              + "@"
              + image.digest
              + " ("
              + String.join(", ", inOrder)
              + ")"
              + (image.plan.put().isEmpty() ? ", already there" : ""));
    }
  }
}
