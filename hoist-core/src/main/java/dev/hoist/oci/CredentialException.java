package dev.hoist.oci;

/**
 * A local credential problem (an unreadable Docker config, a credential helper that is missing,
 * fails or hangs): not a network error, so never retried; the CLI exits 6 (registry) with this one
 * line, which names the file or helper and never carries what the helper printed on stdout.
 */
public final class CredentialException extends RegistryException {
  private static final long serialVersionUID = 1L;

  CredentialException(String message) {
    super(message, 0, "");
  }
}
