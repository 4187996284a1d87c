package dev.hoist.config;

/**
 * {@code sign:} of hoist.yaml: how releases are signed when no {@code --sign-key} is given, and the
 * Secret Flux verifies them with.
 *
 * @param key {@code FILE} (relative to the project root) or {@code env://VAR}; null for unsigned
 * @param secretRef the Secret (in flux-system) holding the public key, {@code cosign.pub}: the
 *     app's OCIRepository gets {@code verify: {provider: cosign, secretRef}}; null for none
 */
public record SignConfig(String key, String secretRef) {
  public static final SignConfig NONE = new SignConfig(null, null);
}
