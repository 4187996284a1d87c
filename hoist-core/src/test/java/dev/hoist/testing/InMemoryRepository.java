package dev.hoist.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Repository} in memory that checks digests, sizes and that a manifest's blobs came first.
 */
public final class InMemoryRepository implements Repository {
  private final String name;
  public final Map<Digest, byte[]> blobs = new LinkedHashMap<>();
  public final Map<Digest, Manifest> manifests = new LinkedHashMap<>();
  public final Map<String, Digest> tags = new LinkedHashMap<>();
  public final List<String> calls = new ArrayList<>();

  public InMemoryRepository(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean hasBlob(Digest digest) {
    return blobs.containsKey(digest);
  }

  @Override
  public void pushBlob(Descriptor blob, Path content) throws IOException {
    pushBlob(blob, Files.readAllBytes(content));
  }

  @Override
  public void pushBlob(Descriptor blob, byte[] content) {
    if (!Digest.sha256(content).equals(blob.digest()) || content.length != blob.size()) {
      throw new AssertionError("blob does not match its descriptor " + blob);
    }
    calls.add("blob " + blob.mediaType() + " " + blob.digest().shortHex());
    blobs.put(blob.digest(), content);
  }

  @Override
  public Digest pushManifest(byte[] manifest, String mediaType, List<String> tagList)
      throws IOException {
    JsonNode root = new ObjectMapper().readTree(manifest);
    List<JsonNode> refs = new ArrayList<>();
    if (root.has("config")) {
      refs.add(root.path("config"));
    }
    root.path("layers").forEach(refs::add);
    for (JsonNode ref : refs) {
      if (!blobs.containsKey(Digest.parse(ref.path("digest").asText()))) {
        throw new AssertionError("manifest pushed before its blob " + ref);
      }
    }
    Digest digest = Digest.sha256(manifest);
    calls.add("manifest " + mediaType + " " + tagList);
    manifests.put(digest, new Manifest(manifest, mediaType, digest));
    tagList.forEach(tag -> tags.put(tag, digest));
    return digest;
  }

  @Override
  public Optional<Digest> resolve(String tag) {
    return Optional.ofNullable(tags.get(tag));
  }

  @Override
  public Manifest fetchManifest(String reference) {
    Digest digest = tags.containsKey(reference) ? tags.get(reference) : Digest.parse(reference);
    Manifest manifest = manifests.get(digest);
    if (manifest == null) {
      throw new AssertionError("no manifest " + reference);
    }
    return manifest;
  }

  @Override
  public InputStream fetchBlob(Descriptor blob) {
    return new ByteArrayInputStream(blob(blob.digest()));
  }

  public byte[] blob(Digest digest) {
    byte[] content = blobs.get(digest);
    if (content == null) {
      throw new AssertionError("no blob " + digest);
    }
    return content;
  }

  @Override
  public List<String> listTags() {
    return List.copyOf(tags.keySet());
  }
}
