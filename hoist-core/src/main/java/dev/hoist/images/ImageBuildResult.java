package dev.hoist.images;

import java.util.List;

/** What {@code hoist image build} built: one entry per app, in hoist.yaml order. */
public record ImageBuildResult(String version, List<Image> images) {
  public ImageBuildResult {
    images = List.copyOf(images);
  }

  /**
   * One built image.
   *
   * @param name the app's name
   * @param ref where it is, pinned: {@code repository@sha256:...} (or the tarball path)
   * @param digest the manifest or index digest
   * @param tags the tags it carries
   * @param platforms its platforms, {@code os/arch}
   * @param pushed false when the target already had this exact image under every tag
   * @param sbom the SBOM referrer attached to it ({@code sha256:…}); null for none (a tarball, a
   *     multi-platform index)
   */
  public record Image(
      String name,
      String ref,
      String digest,
      List<String> tags,
      List<String> platforms,
      boolean pushed,
      String sbom) {
    public Image {
      tags = List.copyOf(tags);
      platforms = List.copyOf(platforms);
    }

    /** Without an SBOM. */
    public Image(
        String name,
        String ref,
        String digest,
        List<String> tags,
        List<String> platforms,
        boolean pushed) {
      this(name, ref, digest, tags, platforms, pushed, null);
    }
  }
}
