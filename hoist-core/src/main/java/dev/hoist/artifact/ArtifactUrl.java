package dev.hoist.artifact;

import dev.hoist.oci.Reference;

/** Parses the {@code oci://REPO[:TAG|@DIGEST]} argument of the artifact commands. */
final class ArtifactUrl {
  private ArtifactUrl() {}

  static Reference parse(String url, boolean tagRequired) {
    if (url == null || !url.startsWith("oci://")) {
      throw new ArtifactUsageException(
          "invalid artifact URL '" + url + "': it must start with oci://");
    }
    Reference ref;
    try {
      ref = Reference.parse(url);
    } catch (IllegalArgumentException e) {
      throw new ArtifactUsageException(
          "invalid artifact URL '"
              + url
              + "': "
              + e.getMessage().replaceFirst("^invalid reference '.*?': ", ""));
    }
    if (tagRequired && ref.tag().isEmpty()) {
      throw new ArtifactUsageException(
          "invalid artifact URL '" + url + "': a tag is required (oci://REPO:TAG)");
    }
    if (tagRequired && ref.digest().isPresent()) {
      throw new ArtifactUsageException(
          "invalid artifact URL '" + url + "': push takes a tag, not a digest");
    }
    return ref;
  }
}
