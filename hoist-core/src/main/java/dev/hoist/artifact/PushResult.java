package dev.hoist.artifact;

import java.util.List;

/**
 * What {@code hoist artifact push} did.
 *
 * @param url {@code oci://REPO:TAG} as given
 * @param repository {@code REPO} (registry and path)
 * @param tag the URL's tag
 * @param digest the manifest digest, {@code sha256:...}
 * @param publication tags, what was sent and the notes
 * @param warnings packing warnings (excluded .env files)
 */
public record PushResult(
    String url,
    String repository,
    String tag,
    String digest,
    Publication publication,
    List<String> warnings) {
  public PushResult {
    warnings = List.copyOf(warnings);
  }
}
