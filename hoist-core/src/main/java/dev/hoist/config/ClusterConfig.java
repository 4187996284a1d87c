package dev.hoist.config;

import java.time.Duration;

/**
 * A cluster that reconciles the project's manifests artifact.
 *
 * @param overlay the overlay (environment) the cluster applies
 * @param namespace the namespace of the Flux objects (default {@code flux-system})
 */
public record ClusterConfig(
    String name,
    String overlay,
    RefPolicy ref,
    Duration interval,
    Duration timeout,
    String namespace) {}
