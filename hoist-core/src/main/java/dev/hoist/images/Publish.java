package dev.hoist.images;

import dev.hoist.artifact.TagPolicy;
import dev.hoist.image.BuiltImage;
import dev.hoist.image.ImagePlatforms;
import dev.hoist.image.ImageTarget;
import dev.hoist.oci.ImageCopy;
import dev.hoist.oci.OciLayout;
import dev.hoist.oci.Repository;
import dev.hoist.sbom.Sboms;
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
      String app,
      Repository destination,
      List<String> tags,
      Build build,
      String base,
      Path sbomOutput,
      Consumer<String> progress)
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
      // the SBOM, from the layers of the local copy (nothing is read back from the destination);
      // a multi-platform index has no layers of its own
      String sbom = null;
      if (!local.fetchManifest(built.digest().toString()).mediaType().contains("index")) {
        byte[] bom = Sboms.make(local, built.digest(), destination.name(), base);
        sbom = Sboms.attach(destination, built.digest(), bom).toString();
        progress.accept("image " + app + ": sbom " + sbom);
        if (sbomOutput != null) {
          Files.createDirectories(sbomOutput);
          Path temp = Files.createTempFile(sbomOutput, ".sbom", ".tmp");
          Files.write(temp, bom);
          Files.move(
              temp,
              sbomOutput.resolve(app + ".cdx.json"),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING,
              java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          progress.accept("image " + app + ": wrote " + sbomOutput.resolve(app + ".cdx.json"));
        }
      }
      return new ImageBuildResult.Image(
          app,
          ref,
          built.digest().toString(),
          inOrder,
          ImagePlatforms.of(destination, built.digest()),
          pushed,
          sbom);
    } finally {
      dev.hoist.files.Directories.deleteQuietly(work);
    }
  }
}
