package dev.hoist.git;

/**
 * The checkout cannot be released as it is; {@link #reason()} tells why, so callers can map exit
 * codes.
 */
public class GitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a checkout is refused. */
  public enum Reason {
    NOT_A_REPOSITORY,
    UNTAGGED,
    NOT_SEMVER,
    DIRTY
  }

  private final Reason reason;

  public GitException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
