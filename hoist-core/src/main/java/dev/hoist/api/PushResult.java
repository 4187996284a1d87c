package dev.hoist.api;

import java.util.List;

/**
 * A pushed artifact; {@code hoist artifact push -o json} prints url, repository, tag and digest.
 *
 * @param url {@code oci://repository:tag}
 * @param digest the manifest digest, {@code sha256:…}
 * @param warnings packing warnings (the {@code .env} files left out)
 */
public record PushResult(
    String url, String repository, String tag, String digest, List<String> warnings) {
  public PushResult {
    warnings = List.copyOf(warnings);
  }
}
