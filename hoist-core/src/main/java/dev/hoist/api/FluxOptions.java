package dev.hoist.api;

import java.util.List;

/**
 * Which Flux objects to generate (the flags of {@code hoist flux generate}).
 *
 * @param clusters the clusters of hoist.yaml to generate; empty for all
 * @param check write nothing; report what would change, with a diff
 * @param registry the registry the artifact is released to ({@code HOST[:PORT]/NAMESPACE}, as
 *     {@code release --registry}); null for hoist.yaml's {@code registry}
 */
public record FluxOptions(List<String> clusters, boolean check, String registry) {
  public FluxOptions {
    clusters = List.copyOf(clusters);
  }

  public FluxOptions(List<String> clusters, boolean check) {
    this(clusters, check, null);
  }

  /** Every cluster, written. */
  public static FluxOptions defaults() {
    return new FluxOptions(List.of(), false, null);
  }

  public FluxOptions clusters(List<String> clusters) {
    return new FluxOptions(clusters, check, registry);
  }

  public FluxOptions check(boolean check) {
    return new FluxOptions(clusters, check, registry);
  }

  public FluxOptions registry(String registry) {
    return new FluxOptions(clusters, check, registry);
  }
}
