package dev.hoist.release;

import dev.hoist.oci.Digest;
import dev.hoist.oci.OciLayout;
import dev.hoist.overlay.Pin;

/**
 * An app's image as built, in a local layout under the release's scratch directory, before anything
 * is pushed.
 *
 * @param app the app's name in hoist.yaml
 * @param image the image name the overlays use for it (what gets pinned)
 * @param repository where it is published, {@code <registry>/<app>}
 * @param layout the local layout holding it
 * @param digest its manifest's digest, the one pinned and published
 */
record LocalImage(String app, String image, String repository, OciLayout layout, Digest digest) {

  /** The overlays' image name pinned to this image. */
  Pin pin() {
    return new Pin(image, repository, digest);
  }

  /** {@code repository@sha256:…}. */
  String ref() {
    return repository + "@" + digest;
  }
}
