package dev.hoist.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SBOMs for images: made from an image's layers ({@link Packages}, {@link CycloneDx}), attached to
 * it as an OCI referrer ({@link Referrers}), and read back ({@code hoist sbom}).
 */
public final class Sboms {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Sboms() {}

  /**
   * The CycloneDX SBOM of the image {@code digest} held in {@code source} (its layers are read
   * there), naming it {@code repository}; {@code base} is its base image reference, or null.
   */
  public static byte[] make(Repository source, Digest digest, String repository, String base)
      throws IOException {
    JsonNode manifest = JSON.readTree(source.fetchManifest(digest.toString()).content());
    List<Component> components = new ArrayList<>();
    for (JsonNode layer : manifest.path("layers")) {
      Descriptor d =
          new Descriptor(
              layer.path("mediaType").asText(),
              Digest.parse(layer.path("digest").asText()),
              layer.path("size").asLong());
      if (!d.mediaType().endsWith("gzip")) {
        continue;
      }
      try (InputStream in = source.fetchBlob(d)) {
        components.addAll(Packages.scan(in));
      }
    }
    return CycloneDx.json(repository, digest, base, components);
  }

  /** Attaches {@code sbom} to the image {@code digest} in {@code target}; returns its manifest. */
  public static Digest attach(Repository target, Digest digest, byte[] sbom) throws IOException {
    Repository.Manifest image = target.fetchManifest(digest.toString());
    Descriptor subject = new Descriptor(image.mediaType(), digest, image.content().length);
    return Referrers.attach(target, subject, CycloneDx.MEDIA_TYPE, sbom);
  }

  /** The SBOM attached to the image {@code digest}, if any. */
  public static Optional<byte[]> read(Repository repo, Digest digest) throws IOException {
    return Referrers.find(repo, digest, CycloneDx.MEDIA_TYPE);
  }
}
