package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** In a production overlay, an image referenced by tag instead of digest. */
final class ImageNotPinned extends BaseRule {
  ImageNotPinned() {
    super(
        "image-not-pinned",
        Severity.WARNING,
        "a production overlay runs an image by tag, not by digest",
        "A tag can be moved: what the cluster pulls tomorrow may not be what was tested today.",
        "hoist release pins its own images and, with images.pinThirdParty (on by default for"
            + " production overlays), third-party ones; otherwise write image@sha256:….");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    if (!overlay.production()) {
      return out;
    }
    for (Map<String, Object> o : overlay.objects()) {
      for (K8s.Container c : K8s.containers(o)) {
        String image = K8s.str(c.fields().get("image"));
        if (image != null && !image.contains("@") && !overlay.ownImage(image)) {
          out.add(
              overlay.finding(
                  this, o, c.at("image"), "container " + c.name() + " runs " + image + " by tag"));
        }
      }
    }
    return out;
  }
}
