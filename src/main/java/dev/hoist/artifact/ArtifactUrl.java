package dev.hoist.artifact;

import dev.hoist.oci.Reference;

/** Parses the {@code oci://REPO[:TAG|@DIGEST]} argument of the artifact commands. */
final class ArtifactUrl {
  private ArtifactUrl() {}

  static Reference parse(String url, boolean tagRequired) {
    if (url == null || !url.startsWith("oci://")) {
      throw new IllegalArgumentException("invalid artifact URL '" + url + "': it must start with oci://");
    }
    Reference ref = Reference.parse(url);
    if (tagRequired && ref.tag().isEmpty()) {
      throw new IllegalArgumentException("invalid artifact URL '" + url + "': a tag is required (oci://REPO:TAG)");
    }
    if (tagRequired && ref.digest().isPresent()) {
      throw new IllegalArgumentException("invalid artifact URL '" + url + "': push takes a tag, not a digest");
    }
    return ref;
  }
}
