package dev.hoist.run;

/** hoist's exit codes: each refusal has its own, so CI scripts can tell them apart. */
public enum ExitCode {
  OK(0),
  /** An operation failed: I/O, an image build, an unexpected error. */
  FAILURE(1),
  /** The command line is wrong (picocli's own code). */
  USAGE(2),
  /** hoist.yaml is missing or invalid, or names a file or overlay that is not there. */
  CONFIG(3),
  /** HEAD carries no {@code vX.Y.Z} tag (or is not in a git checkout): nothing to release. */
  UNTAGGED(4),
  /** The working tree has changes that are not committed. */
  DIRTY(5),
  /** A registry could not be reached, refused the credentials, or rejected content. */
  REGISTRY(6),
  /** {@code hoist preview} found no Docker engine (kind and its registry need one). */
  NO_DOCKER(7);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
