package dev.hoist.image;

import dev.hoist.oci.Digest;
import java.util.List;
import java.util.Objects;

/**
 * An image that was built and stored.
 *
 * @param name the application's name
 * @param repository where it is: {@code host[:port]/path} or the target repository's name
 * @param digest the manifest digest
 * @param tags the tags it was stored under
 */
public record BuiltImage(String name, String repository, Digest digest, List<String> tags) {
  public BuiltImage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(digest, "digest");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** The pinned reference, {@code repository@sha256:...}. */
  public String ref() {
    return repository + "@" + digest;
  }
}
