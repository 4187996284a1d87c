package dev.hoist.overlay;

import dev.hoist.oci.Digest;
import java.util.Objects;

/**
 * One change to a kustomization's {@code images:} list: the entry named {@code name} gets {@code
 * newName} and {@code digest}, and loses any {@code newTag}.
 *
 * @param name the image name as written in the manifests (the entry's {@code name})
 * @param newName the repository to pull from instead; {@code null} leaves {@code newName} as it is
 * @param digest the digest to pin
 */
public record ImageEdit(String name, String newName, Digest digest) {
  public ImageEdit {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("image name must not be empty");
    }
    if (newName != null && newName.isBlank()) {
      throw new IllegalArgumentException("newName for image " + name + " must not be blank");
    }
    Objects.requireNonNull(digest, "digest");
  }

  /** Applies this edit to kustomization YAML text; see {@link KustomizationEditor#setImage}. */
  public String applyTo(String kustomizationYamlText) {
    return KustomizationEditor.setImage(kustomizationYamlText, name, newName, digest.toString());
  }
}
