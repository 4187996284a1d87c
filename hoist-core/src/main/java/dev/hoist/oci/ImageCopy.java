package dev.hoist.oci;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies an image (a manifest, or an index and each platform's manifest) from a local OCI layout to
 * any {@link Repository}, byte for byte, so the digest does not change: blobs first (a registry
 * checks and uploads them at the same time, skipping those it has), then the platform manifests by
 * digest, then the top manifest under its tags. This is how a release publishes images it built and
 * checked locally.
 */
public final class ImageCopy {
  private ImageCopy() {}

  /** Copies the image {@code reference} names in {@code from} to {@code to}; returns its digest. */
  public static Digest copy(OciLayout from, Repository to, String reference, List<String> tags)
      throws IOException {
    Repository.Manifest top = from.fetchManifest(reference);
    JsonNode json = OciJson.MAPPER.readTree(top.content());
    if (json.has("manifests")) {
      for (JsonNode child : json.path("manifests")) {
        Digest digest = Digest.parse(child.path("digest").asText());
        Repository.Manifest manifest = from.fetchManifest(digest.toString());
        copyManifest(from, to, manifest, List.of());
      }
      return to.pushManifest(top.content(), top.mediaType(), tags);
    }
    return copyManifest(from, to, top, tags);
  }

  private static Digest copyManifest(
      OciLayout from, Repository to, Repository.Manifest manifest, List<String> tags)
      throws IOException {
    JsonNode json = OciJson.MAPPER.readTree(manifest.content());
    List<Repository.Blob> blobs = new ArrayList<>();
    blobs.add(blob(from, json.path("config")));
    for (JsonNode layer : json.path("layers")) {
      blobs.add(blob(from, layer));
    }
    to.pushBlobs(blobs);
    Digest pushed = to.pushManifest(manifest.content(), manifest.mediaType(), tags);
    if (!pushed.equals(manifest.digest())) {
      throw new IOException(
          to.name() + ": manifest stored as " + pushed + ", expected " + manifest.digest());
    }
    return pushed;
  }

  private static Repository.Blob blob(OciLayout from, JsonNode descriptor) {
    Digest digest = Digest.parse(descriptor.path("digest").asText());
    return Repository.Blob.of(
        new Descriptor(
            descriptor.path("mediaType").asText(), digest, descriptor.path("size").asLong()),
        from.blobFile(digest));
  }
}
