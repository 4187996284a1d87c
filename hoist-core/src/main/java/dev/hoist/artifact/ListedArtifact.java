package dev.hoist.artifact;

/**
 * One tag of {@code hoist artifact list}: its URL, digest and the source and revision annotations.
 */
public record ListedArtifact(
    String url,
    String repository,
    String tag,
    String digest,
    String source,
    String revision,
    String created) {}
