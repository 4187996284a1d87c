package dev.hoist.config;

import java.util.List;

/**
 * One Flux Kustomization of the project's artifact on a cluster ({@code
 * clusters[].kustomizations}): the usual split into {@code infrastructure} then {@code apps}, or
 * one overlay per namespace.
 *
 * @param name the Kustomization's name (a DNS label)
 * @param overlay the overlay it applies
 * @param dependsOn Kustomizations of this list or units of the cluster that must be ready first
 * @param targetNamespace the namespace its objects go to (null: as the overlay says)
 */
public record KustomizationConfig(
    String name, String overlay, List<String> dependsOn, String targetNamespace) {
  public KustomizationConfig {
    dependsOn = List.copyOf(dependsOn);
  }
}
