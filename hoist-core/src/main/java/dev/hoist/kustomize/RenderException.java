package dev.hoist.kustomize;

/**
 * A kustomization that cannot be rendered; the message is one line naming the file, field or value.
 */
public final class RenderException extends RuntimeException {
  public RenderException(String message) {
    super(message);
  }
}
