package dev.hoist.overlay;

import dev.hoist.oci.Digest;
import java.util.Objects;

/**
 * An image to pin in every staged overlay.
 *
 * @param imageName the name the manifests use (the kustomization {@code images[].name})
 * @param repository the repository to pull from ({@code newName})
 * @param digest the image digest
 */
public record Pin(String imageName, String repository, Digest digest) {
  public Pin {
    if (imageName == null || imageName.isBlank()) {
      throw new IllegalArgumentException("pin image name must not be empty");
    }
    if (repository == null || repository.isBlank()) {
      throw new IllegalArgumentException(
          "pin repository for image " + imageName + " must not be empty");
    }
    Objects.requireNonNull(digest, "digest");
  }
}
