package dev.hoist.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pushed Flux artifact: its manifest (verified against its digest) and a way to download its
 * layer.
 */
record RemoteArtifact(
    Repository repo,
    String reference,
    Repository.Manifest manifest,
    Descriptor layer,
    Map<String, String> annotations) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static RemoteArtifact fetch(Repository repo, String reference) throws IOException {
    Repository.Manifest manifest = repo.fetchManifest(reference);
    String where = repo.name() + (reference.contains(":") ? "@" : ":") + reference;
    if (!MediaTypes.OCI_MANIFEST.equals(manifest.mediaType())) {
      throw new IOException(
          where + " is a " + manifest.mediaType() + ", not an OCI artifact manifest");
    }
    JsonNode root = JSON.readTree(manifest.content());
    Descriptor layer = null;
    for (JsonNode l : root.path("layers")) {
      String type = l.path("mediaType").asText();
      if (type.equals(MediaTypes.FLUX_CONTENT) || type.equals(MediaTypes.OCI_LAYER_GZIP)) {
        layer =
            new Descriptor(
                type, parse(l.path("digest").asText(), where), l.path("size").asLong(-1));
        break;
      }
    }
    if (layer == null || layer.size() < 0) {
      throw new IOException(where + " has no " + MediaTypes.FLUX_CONTENT + " layer");
    }
    return new RemoteArtifact(repo, reference, manifest, layer, annotations(manifest));
  }

  /** The top-level annotations of any manifest (empty when it has none or is not JSON). */
  static Map<String, String> annotations(Repository.Manifest manifest) {
    Map<String, String> annotations = new LinkedHashMap<>();
    try {
      JSON.readTree(manifest.content())
          .path("annotations")
          .properties()
          .forEach(e -> annotations.put(e.getKey(), e.getValue().asText()));
    } catch (IOException e) {
      // not JSON: no annotations
    }
    return annotations;
  }

  private static Digest parse(String digest, String where) throws IOException {
    try {
      return Digest.parse(digest);
    } catch (IllegalArgumentException e) {
      throw new IOException(where + ": invalid layer digest '" + digest + "'");
    }
  }

  /** A layer download that breaks off (or arrives corrupt) is tried this many times in all. */
  static final int BODY_ATTEMPTS = 3;

  /**
   * Downloads the layer into a new temporary file in {@code dir}, checked against its digest and
   * size; refused before any byte is read when larger than {@code maxBytes}.
   */
  Path download(Path dir, long maxBytes) throws IOException {
    if (layer.size() > maxBytes) {
      throw new IOException(
          "artifact layer "
              + layer.digest()
              + " is "
              + layer.size()
              + " bytes, more than the "
              + maxBytes
              + " allowed");
    }
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".hoist-layer-", ".tgz");
    try {
      for (int attempt = 1; ; attempt++) {
        long[] arrived = {0};
        try (InputStream in = repo.fetchBlob(layer);
            OutputStream out = Files.newOutputStream(temp)) {
          byte[] buf = new byte[64 * 1024];
          for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
            arrived[0] += n;
          }
          break;
        } catch (dev.hoist.oci.RegistryException e) {
          throw e; // the registry refused or retries were spent already
        } catch (IOException e) {
          // a body that broke off (or arrived corrupt) after its answer began: fetch it again
          if (attempt >= BODY_ATTEMPTS) {
            throw new dev.hoist.oci.RegistryException(
                repo.name()
                    + ": blob "
                    + layer.digest()
                    + ": "
                    + arrived[0]
                    + " of "
                    + layer.size()
                    + " bytes arrived before the transfer failed ("
                    + attempt
                    + " attempts): "
                    + e.getMessage());
          }
        }
      }
      // the tar around maxBytes of content: headers and padding stay far below maxBytes + 64 MiB
      GzipCheck.check(
          temp, repo.name() + ": artifact layer " + layer.digest(), 2 * maxBytes + (64 << 20));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }
}
