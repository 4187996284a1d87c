package dev.hoist.oci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One OCI repository: content-addressed blobs, manifests and tags. Implemented by a remote registry
 * repository and by a local OCI image layout directory, so stages write to either without knowing
 * which.
 */
public interface Repository {

  /**
   * Where this repository is, for people and for references: {@code host[:port]/path} or a layout
   * path.
   */
  String name();

  boolean hasBlob(Digest digest) throws IOException;

  /** Stores a blob whose digest and size are already known; a no-op when the blob exists. */
  void pushBlob(Descriptor blob, Path content) throws IOException;

  /** Stores a blob held in memory; a no-op when the blob exists. */
  void pushBlob(Descriptor blob, byte[] content) throws IOException;

  /**
   * Stores several blobs, each as {@link #pushBlob} does; one after the other unless the repository
   * can do better (a registry checks and uploads them at the same time). Returns when all are
   * stored or one failed.
   */
  default void pushBlobs(List<Blob> blobs) throws IOException {
    for (Blob blob : blobs) {
      if (blob.file() != null) {
        pushBlob(blob.descriptor(), blob.file());
      } else {
        pushBlob(blob.descriptor(), blob.bytes());
      }
    }
  }

  /**
   * Stores a manifest (its blobs must be present already) under each tag, in order; returns its
   * digest. With no tags, the manifest is stored by digest only.
   */
  Digest pushManifest(byte[] manifest, String mediaType, List<String> tags) throws IOException;

  /** The digest a tag points at, or empty when the tag does not exist. */
  Optional<Digest> resolve(String tag) throws IOException;

  /** The raw manifest for a tag or digest, checked against its digest. */
  Manifest fetchManifest(String reference) throws IOException;

  /** A blob's content, verified against its digest and size while it is read. */
  InputStream fetchBlob(Descriptor blob) throws IOException;

  List<String> listTags() throws IOException;

  /**
   * The OCI 1.1 referrers API's index of the manifests whose {@code subject} is {@code digest}
   * ({@code GET /v2/<name>/referrers/<digest>}), or empty when this repository has no such API
   * (then the referrers tag schema serves them).
   */
  default Optional<byte[]> referrers(Digest digest) throws IOException {
    return Optional.empty();
  }

  /** A blob to store: its descriptor and its content, in memory or in a file. */
  @SuppressWarnings("ArrayRecordComponent") // carries bytes; never compared or hashed
  record Blob(Descriptor descriptor, byte[] bytes, Path file) {
    public static Blob of(Descriptor descriptor, byte[] bytes) {
      return new Blob(descriptor, bytes, null);
    }

    public static Blob of(Descriptor descriptor, Path file) {
      return new Blob(descriptor, null, file);
    }
  }

  /** A fetched manifest: its bytes, media type and digest. */
  @SuppressWarnings("ArrayRecordComponent") // carries bytes; never compared or hashed
  record Manifest(byte[] content, String mediaType, Digest digest) {}
}
