package dev.hoist.artifact;

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

/** An in-memory repository that records the order of calls. */
final class FakeRepository implements Repository {
  final Map<Digest, byte[]> blobs = new LinkedHashMap<>();
  final Map<String, Digest> tags = new LinkedHashMap<>();
  final Map<Digest, Manifest> manifests = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();

  @Override
  public String name() {
    return "fake/repo";
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
  public void pushBlob(Descriptor blob, byte[] content) throws IOException {
    if (!Digest.sha256(content).equals(blob.digest()) || content.length != blob.size()) {
      throw new IOException("blob does not match its descriptor: " + blob.digest());
    }
    calls.add("blob " + blob.mediaType());
    blobs.put(blob.digest(), content);
  }

  @Override
  public Digest pushManifest(byte[] manifest, String mediaType, List<String> tagList) {
    Digest digest = Digest.sha256(manifest);
    calls.add("manifest " + mediaType + " " + tagList);
    manifests.put(digest, new Manifest(manifest, mediaType, digest));
    tagList.forEach(t -> tags.put(t, digest));
    return digest;
  }

  @Override
  public Optional<Digest> resolve(String tag) {
    return Optional.ofNullable(tags.get(tag));
  }

  @Override
  public Manifest fetchManifest(String reference) throws IOException {
    Digest d = tags.containsKey(reference) ? tags.get(reference) : Digest.parse(reference);
    Manifest m = manifests.get(d);
    if (m == null) {
      throw new IOException("no manifest " + reference);
    }
    return m;
  }

  @Override
  public InputStream fetchBlob(Descriptor blob) throws IOException {
    byte[] b = blobs.get(blob.digest());
    if (b == null) {
      throw new IOException("no blob " + blob.digest());
    }
    return new ByteArrayInputStream(b);
  }

  @Override
  public List<String> listTags() {
    return List.copyOf(tags.keySet());
  }
}
