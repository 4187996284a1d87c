package dev.hoist.kustomize;

/**
 * A kustomization that cannot be rendered; the message is one line naming the file, field or value.
 */
public final class RenderException extends RuntimeException {
  private final boolean unsupported;

  public RenderException(String message) {
    this(message, false);
  }

  private RenderException(String message, boolean unsupported) {
    super(message);
    this.unsupported = unsupported;
  }

  /** A tree the embedded engine cannot render (a feature it does not have), but kustomize can. */
  static RenderException unsupported(String message) {
    return new RenderException(message, true);
  }

  /** Whether the kustomize or kubectl binary may render what the embedded engine could not. */
  public boolean unsupported() {
    return unsupported;
  }
}
