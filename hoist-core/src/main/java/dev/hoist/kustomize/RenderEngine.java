package dev.hoist.kustomize;

/** Which renderer {@code hoist render} uses. */
public enum RenderEngine {
  /** The embedded engine; a tree it cannot render goes to kustomize or kubectl on PATH. */
  auto,
  /** hoist's own engine (no external binary). */
  embedded,
  /** {@code kustomize build} found on PATH. */
  kustomize,
  /** {@code kubectl kustomize} found on PATH. */
  kubectl
}
