package dev.hoist.artifact;

/**
 * A command-line value an artifact command cannot use (a malformed {@code oci://} URL, semver range
 * or regular expression, a missing --source): the CLI exits with the usage code, not the failure
 * code. The message is one line and names the value.
 */
public final class ArtifactUsageException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ArtifactUsageException(String message) {
    super(message);
  }
}
