/**
 * Flux OCI artifacts: {@link dev.hoist.artifact.ArtifactPacker} packs a tree into a layer whose tar
 * stream is byte-identical to {@code flux build artifact}'s, {@link
 * dev.hoist.artifact.ArtifactManifest} writes the manifest with a fixed key order, {@link
 * dev.hoist.artifact.ArtifactPublisher} pushes blobs then the manifest, and {@link
 * dev.hoist.artifact.ArtifactExtractor} unpacks pulled artifacts safely.
 */
package dev.hoist.artifact;
