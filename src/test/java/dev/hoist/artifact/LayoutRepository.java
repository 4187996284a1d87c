package dev.hoist.artifact;

import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A minimal OCI image layout written by tests, holding one manifest (enough for skopeo to read). */
final class LayoutRepository implements Repository {
  private final Path root;
  private final java.util.Map<String, Digest> tags = new java.util.LinkedHashMap<>();

  LayoutRepository(Path root) throws IOException {
    this.root = root;
    Files.createDirectories(root.resolve("blobs/sha256"));
    Files.writeString(root.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
  }

  @Override
  public String name() {
    return root.toString();
  }

  private Path blob(Digest d) {
    return root.resolve("blobs/sha256").resolve(d.hex());
  }

  @Override
  public boolean hasBlob(Digest digest) {
    return Files.exists(blob(digest));
  }

  @Override
  public void pushBlob(Descriptor blob, Path content) throws IOException {
    pushBlob(blob, Files.readAllBytes(content));
  }

  @Override
  public void pushBlob(Descriptor blob, byte[] content) throws IOException {
    Files.write(blob(blob.digest()), content);
  }

  @Override
  public Digest pushManifest(byte[] manifest, String mediaType, List<String> tags) throws IOException {
    Digest d = Digest.sha256(manifest);
    Files.write(blob(d), manifest);
    StringBuilder index = new StringBuilder("{\"schemaVersion\":2,\"manifests\":[");
    for (int i = 0; i < tags.size(); i++) {
      index.append(i == 0 ? "" : ",").append("{\"mediaType\":\"").append(mediaType)
          .append("\",\"digest\":\"").append(d).append("\",\"size\":").append(manifest.length)
          .append(",\"annotations\":{\"org.opencontainers.image.ref.name\":\"").append(tags.get(i))
          .append("\"}}");
    }
    Files.writeString(root.resolve("index.json"), index.append("]}"), StandardCharsets.UTF_8);
    this.tags.clear();
    tags.forEach(t -> this.tags.put(t, d));
    return d;
  }

  @Override
  public Optional<Digest> resolve(String tag) {
    return Optional.ofNullable(tags.get(tag));
  }

  @Override
  public Manifest fetchManifest(String reference) {
    throw new UnsupportedOperationException("not needed by the tests");
  }

  @Override
  public InputStream fetchBlob(Descriptor blob) throws IOException {
    return Files.newInputStream(blob(blob.digest()));
  }

  @Override
  public List<String> listTags() {
    return List.copyOf(tags.keySet());
  }
}
