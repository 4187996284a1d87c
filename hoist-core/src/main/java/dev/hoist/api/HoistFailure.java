package dev.hoist.api;

import dev.hoist.artifact.ArtifactUsageException;
import dev.hoist.config.ConfigException;
import dev.hoist.git.GitException;
import dev.hoist.oci.RegistryException;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;

/**
 * Why a hoist call stopped: a one-line message (naming the file, field or value) and the exit code
 * the CLI exits with for it (1 failure, 2 usage, 3 hoist.yaml, 4 no release tag, 5 dirty tree, 6
 * registry). Front ends print the message and exit or fail the build with it.
 */
public final class HoistFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int CONFIG = 3;
  public static final int UNTAGGED = 4;
  public static final int DIRTY = 5;
  public static final int REGISTRY = 6;

  private final int exitCode;

  public HoistFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The exit code: 1 to 6 as above. */
  public int exitCode() {
    return exitCode;
  }

  /** The failure for anything an engine threw: its one-line message and its exit code. */
  public static HoistFailure of(Throwable e) {
    if (e instanceof HoistFailure f) {
      return f;
    }
    return new HoistFailure(code(e).code(), oneLine(e), e);
  }

  private static ExitCode code(Throwable e) {
    if (e instanceof HoistException he) {
      return he.exitCode();
    } else if (e instanceof ConfigException) {
      return ExitCode.CONFIG;
    } else if (e instanceof GitException ge) {
      return ge.reason() == GitException.Reason.DIRTY ? ExitCode.DIRTY : ExitCode.UNTAGGED;
    } else if (e instanceof RegistryException) {
      return ExitCode.REGISTRY;
    } else if (e instanceof ArtifactUsageException) {
      return ExitCode.USAGE;
    }
    return ExitCode.FAILURE;
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replace('\n', ' ');
  }
}
