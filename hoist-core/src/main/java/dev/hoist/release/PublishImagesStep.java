package dev.hoist.release;

import dev.hoist.oci.ImageCopy;
import dev.hoist.oci.Repository;
import dev.hoist.run.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the images built and checked before: each copied byte for byte from its local layout
 * (blobs first, then the manifest under the tags the plan allows), so the digests pinned in the
 * overlays are the digests in the registry. An image whose tags all name it already sends nothing.
 * Each published image goes into the ledger.
 */
final class PublishImagesStep {
  private PublishImagesStep() {}

  static List<ReleaseResult.Image> run(
      List<PlanTagsStep.PlannedImage> planned,
      Publishing publishing,
      List<String> tags,
      Pushed pushed,
      Progress progress)
      throws IOException {
    List<ReleaseResult.Image> images = new ArrayList<>();
    for (PlanTagsStep.PlannedImage p : planned) {
      LocalImage image = p.image();
      Repository repo = publishing.repository(image.app());
      List<String> named = new ArrayList<>(p.plan().keep());
      if (!p.plan().put().isEmpty()) {
        ImageCopy.copy(image.layout(), repo, image.digest().toString(), p.plan().put());
        named.addAll(p.plan().put());
      }
      List<String> inOrder = tags.stream().filter(named::contains).toList();
      images.add(
          new ReleaseResult.Image(image.app(), image.ref(), image.digest().toString(), inOrder));
      pushed.add("image " + image.ref());
      progress.say(
          "image "
              + image.app()
              + ": "
              + image.ref()
              + " ("
              + String.join(", ", inOrder)
              + ")"
              + (p.plan().put().isEmpty() ? ", already there" : ""));
    }
    return images;
  }
}
