package dev.hoist.api;

import java.util.List;

/**
 * The images built; {@code hoist image build -o json} prints it.
 *
 * @param version the version the images carry (a tag at HEAD, or {@code 0.0.0-<sha>})
 */
public record ImagesResult(String version, List<Image> images) {
  public ImagesResult {
    images = List.copyOf(images);
  }

  /**
   * One built image.
   *
   * @param ref where it is, pinned: {@code repository@sha256:…} (or the tarball path)
   * @param pushed false when every tag already named exactly this image
   * @param sbom the CycloneDX SBOM attached to it as a referrer; null for none (a tarball, a
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
