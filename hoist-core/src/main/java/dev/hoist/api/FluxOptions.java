package dev.hoist.api;

import java.util.List;

/**
 * Which Flux objects to generate (the flags of {@code hoist flux generate}).
 *
 * @param clusters the clusters of hoist.yaml to generate; empty for all
 * @param check write nothing; report what would change, with a diff
 */
public record FluxOptions(List<String> clusters, boolean check) {
  public FluxOptions {
    clusters = List.copyOf(clusters);
  }

  /** Every cluster, written. */
  public static FluxOptions defaults() {
    return new FluxOptions(List.of(), false);
  }

  public FluxOptions clusters(List<String> clusters) {
    return new FluxOptions(clusters, check);
  }

  public FluxOptions check(boolean check) {
    return new FluxOptions(clusters, check);
  }
}
