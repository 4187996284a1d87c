package dev.hoist.images;

import dev.hoist.artifact.TagPolicy;
import dev.hoist.image.BuiltImage;
import dev.hoist.image.ImagePlatforms;
import dev.hoist.image.ImageTarget;
import dev.hoist.oci.ImageCopy;
import dev.hoist.oci.OciLayout;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Publishes one image the way {@code hoist release} does: built into a local layout first, its tags
 * planned against the destination by the one tag policy (version tags immutable, {@code latest}
 * only forward), then copied byte for byte (blobs before the manifest) with the tags that move.
 */
final class Publish {
  private Publish() {}

  /** How an image is built into a local layout. */
  interface Build {
    BuiltImage into(ImageTarget target) throws IOException;
  }

  static ImageBuildResult.Image image(
      String app, Repository destination, List<String> tags, Build build, Consumer<String> progress)
      throws IOException {
    Path work = Files.createTempDirectory("hoist-image-");
    try {
      OciLayout local = OciLayout.at(work.resolve(app));
      BuiltImage built = build.into(ImageTarget.layout(local));
      TagPolicy.Plan plan = TagPolicy.plan(destination, built.digest(), tags, false);
      plan.notes().forEach(n -> progress.accept("image " + app + ": " + n));
      if (!plan.put().isEmpty()) {
        ImageCopy.copy(local, destination, built.digest().toString(), plan.put());
      }
      List<String> named = new ArrayList<>(plan.keep());
      named.addAll(plan.put());
      List<String> inOrder = tags.stream().filter(named::contains).toList();
      boolean pushed = !plan.put().isEmpty();
      String ref = destination.name() + "@" + built.digest();
      progress.accept("image " + app + ": " + ref + (pushed ? "" : " (unchanged)"));
      return new ImageBuildResult.Image(
          app,
          ref,
          built.digest().toString(),
          inOrder,
          ImagePlatforms.of(destination, built.digest()),
          pushed);
    } finally {
      dev.hoist.files.Directories.deleteQuietly(work);
    }
  }
}
