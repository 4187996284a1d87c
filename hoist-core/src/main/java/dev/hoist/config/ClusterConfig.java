package dev.hoist.config;

import java.time.Duration;

/**
 * A cluster that reconciles the project's manifests artifact, or, in a repository without overlays,
 * only its units (Helm charts).
 *
 * @param overlay the overlay (environment) the cluster applies (the first Kustomization's with
 *     {@code kustomizations}; null when hoist.yaml lists no overlays)
 * @param namespace the namespace of the Flux objects (default {@code flux-system})
 * @param kustomizations several Kustomizations of the artifact (empty: one, named as the project,
 *     applying {@code overlay})
 */
public record ClusterConfig(
    String name,
    String overlay,
    RefPolicy ref,
    Duration interval,
    Duration timeout,
    String namespace,
    java.util.List<KustomizationConfig> kustomizations) {
  public ClusterConfig {
    kustomizations = java.util.List.copyOf(kustomizations);
  }

  /**
   * Whether the cluster applies the manifests artifact (one Kustomization named as the project).
   */
  public boolean appliesOneOverlay() {
    return overlay != null && kustomizations.isEmpty();
  }

  /** A cluster with one Kustomization of the artifact, applying {@code overlay}. */
  public ClusterConfig(
      String name,
      String overlay,
      RefPolicy ref,
      Duration interval,
      Duration timeout,
      String namespace) {
    this(name, overlay, ref, interval, timeout, namespace, java.util.List.of());
  }
}
