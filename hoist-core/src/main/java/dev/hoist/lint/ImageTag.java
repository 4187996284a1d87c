package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An image without a tag, or tagged {@code latest}, and not pinned by digest. */
final class ImageTag extends BaseRule {
  ImageTag() {
    super(
        "image-latest",
        Severity.ERROR,
        "an image is untagged or :latest",
        "latest names whatever was pushed last: two nodes can run different code, and a rollback"
            + " rolls back to nothing.",
        "Use a version tag, or let hoist pin the image by digest (hoist's own apps in the"
            + " overlay's images:, third-party ones with images.pinThirdParty).");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      for (K8s.Container c : K8s.containers(o)) {
        String image = K8s.str(c.fields().get("image"));
        if (image == null || image.contains("@") || overlay.ownImage(image)) {
          continue;
        }
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > image.lastIndexOf('/');
        if (!tagged || image.endsWith(":latest")) {
          out.add(
              overlay.finding(
                  this,
                  o,
                  c.at("image"),
                  "container "
                      + c.name()
                      + " runs "
                      + image
                      + (tagged ? "" : " (no tag: latest)")));
        }
      }
    }
    return out;
  }
}
