package dev.hoist.api;

import java.util.List;

/**
 * A pushed artifact; {@code hoist artifact push -o json} prints url, repository, tag and digest.
 *
 * @param url {@code oci://repository:tag}
 * @param digest the manifest digest, {@code sha256:…}
 * @param warnings packing warnings (the {@code .env} files left out)
 * @param signature the digest of the cosign signature manifest ({@code sha256-<hex>.sig}), or null
 *     when the push was not signed
 */
public record PushResult(
    String url,
    String repository,
    String tag,
    String digest,
    List<String> warnings,
    String signature) {
  public PushResult {
    warnings = List.copyOf(warnings);
  }

  /** The same push, signed: {@code signature} is the signature manifest's digest. */
  public PushResult signed(String signature) {
    return new PushResult(url, repository, tag, digest, warnings, signature);
  }
}
