package dev.hoist.clusters;

/**
 * An image as the values of the project's own chart receive it at a release.
 *
 * @param repository {@code host/namespace/name}
 * @param tag {@code <version>@sha256:…}: readable, and pinned by digest
 */
public record ChartImage(String repository, String tag) {}
