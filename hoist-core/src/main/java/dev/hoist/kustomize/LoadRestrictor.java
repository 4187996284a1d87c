package dev.hoist.kustomize;

/** kustomize's --load-restrictor values. */
public enum LoadRestrictor {
  /**
   * Every file a kustomization reads must resolve, after symlinks, inside that kustomization's
   * directory.
   */
  LoadRestrictionsRootOnly,
  /** Files may be read from anywhere (what Flux uses). */
  LoadRestrictionsNone
}
