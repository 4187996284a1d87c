package dev.hoist.artifact;

import java.io.IOException;

/** A version tag already names another artifact; nothing was uploaded. */
public final class TagConflictException extends IOException {
  private static final long serialVersionUID = 1L;

  public TagConflictException(String message) {
    super(message);
  }
}
