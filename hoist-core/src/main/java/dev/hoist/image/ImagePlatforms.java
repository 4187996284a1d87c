package dev.hoist.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.oci.Repository;
import dev.hoist.tar.TarReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platforms ({@code os/architecture}) of a stored image: one per index entry, or its config's.
 */
public final class ImagePlatforms {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_JSON = 4 << 20;

  private ImagePlatforms() {}

  /** The platforms of the manifest or index {@code digest} in {@code repository}. */
  public static List<String> of(Repository repository, Digest digest) throws IOException {
    Repository.Manifest manifest = repository.fetchManifest(digest.toString());
    JsonNode root = JSON.readTree(manifest.content());
    List<String> platforms = new ArrayList<>();
    if (MediaTypes.OCI_INDEX.equals(root.path("mediaType").asText())
        || MediaTypes.DOCKER_MANIFEST_LIST.equals(root.path("mediaType").asText())) {
      for (JsonNode entry : root.path("manifests")) {
        platforms.add(
            entry.path("platform").path("os").asText()
                + "/"
                + entry.path("platform").path("architecture").asText());
      }
      return platforms;
    }
    JsonNode config = root.path("config");
    Descriptor descriptor =
        new Descriptor(
            config.path("mediaType").asText(),
            Digest.parse(config.path("digest").asText()),
            config.path("size").asLong(),
            Map.of());
    try (InputStream in = repository.fetchBlob(descriptor)) {
      JsonNode json = JSON.readTree(in);
      platforms.add(json.path("os").asText() + "/" + json.path("architecture").asText());
    }
    return platforms;
  }

  /** The platform of the single image in an OCI tarball Jib wrote. */
  public static List<String> ofTar(Path tar) throws IOException {
    Map<String, byte[]> small = new HashMap<>();
    try (InputStream in = Files.newInputStream(tar)) {
      TarReader reader = new TarReader(in);
      for (TarReader.Entry entry; (entry = reader.next()) != null; ) {
        if (entry.type() != '0') {
          continue;
        }
        if (entry.size() <= MAX_JSON) {
          small.put(entry.name(), reader.content().readAllBytes());
        }
      }
    }
    byte[] index = small.get("index.json");
    if (index == null) {
      throw new IOException(tar + " has no index.json");
    }
    String manifestDigest = JSON.readTree(index).path("manifests").path(0).path("digest").asText();
    byte[] manifest = small.get("blobs/sha256/" + Digest.parse(manifestDigest).hex());
    String configDigest = JSON.readTree(manifest).path("config").path("digest").asText();
    JsonNode config = JSON.readTree(small.get("blobs/sha256/" + Digest.parse(configDigest).hex()));
    return List.of(config.path("os").asText() + "/" + config.path("architecture").asText());
  }
}
