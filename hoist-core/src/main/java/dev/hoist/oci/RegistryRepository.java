package dev.hoist.oci;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A repository in a remote registry, spoken to with the OCI distribution API. Made by {@link
 * RegistryClient#repository}. Blobs are checked with HEAD before an upload ({@link BlobUpload}: a
 * mount, a single POST, or a POST and one monolithic PUT), several at the same time; a manifest is
 * PUT once per tag and each tag is read back to check it names the pushed digest.
 */
public final class RegistryRepository implements Repository {
  /** The largest manifest hoist reads. */
  static final int MAX_MANIFEST = 4 * 1024 * 1024;

  private final Transport transport;
  private final UploadMemory memory;
  private final URI base;
  private final String registry;
  private final String repository;
  private final String pull;
  private final String push;
  private final boolean privateUploadLocations;

  RegistryRepository(
      Transport transport,
      UploadMemory memory,
      URI base,
      String registry,
      String repository,
      boolean privateUploadLocations) {
    this.privateUploadLocations = privateUploadLocations;
    this.transport = transport;
    this.memory = memory;
    this.base = base;
    this.registry = registry;
    this.repository = repository;
    this.pull = "repository:" + repository + ":pull";
    this.push = "repository:" + repository + ":pull,push";
  }

  boolean privateUploadLocations() {
    return privateUploadLocations;
  }

  URI base() {
    return base;
  }

  String registry() {
    return registry;
  }

  String repository() {
    return repository;
  }

  String pullScope() {
    return pull;
  }

  String pushScope() {
    return push;
  }

  @Override
  public String name() {
    return registry + "/" + repository;
  }

  @Override
  public boolean hasBlob(Digest digest) throws IOException {
    Transport.Call call = call("HEAD", url("blobs/" + digest), Map.of(), null, pull);
    try (Response r = transport.send(call)) {
      if (r.status() == 200) {
        return true;
      }
      if (r.status() == 404) {
        return false;
      }
      throw transport.error(call, r, null);
    }
  }

  @Override
  public void pushBlob(Descriptor blob, Path content) throws IOException {
    push(Blob.of(blob, content));
  }

  @Override
  public void pushBlob(Descriptor blob, byte[] content) throws IOException {
    push(Blob.of(blob, content));
  }

  /** Checks and uploads the blobs at the same time, each on its own connection. */
  @Override
  public void pushBlobs(List<Blob> blobs) throws IOException {
    List<Parallel.Task> tasks = new ArrayList<>();
    for (Blob blob : blobs) {
      tasks.add(() -> push(blob));
    }
    Parallel.run(tasks);
  }

  private void push(Blob blob) throws IOException {
    Descriptor d = blob.descriptor();
    Supplier<BodyPublisher> body;
    if (blob.file() != null) {
      long size = Files.size(blob.file());
      if (size != d.size()) {
        throw new IOException(
            blob.file() + ": " + size + " bytes, but its descriptor says " + d.size());
      }
      body =
          () -> {
            try {
              return BodyPublishers.ofFile(blob.file());
            } catch (java.io.FileNotFoundException e) {
              throw new IllegalStateException(blob.file() + ": missing", e);
            }
          };
    } else {
      byte[] content = blob.bytes();
      if (content.length != d.size()
          || !VerifyingInputStream.digestOf(content, d.digest()).equals(d.digest())) {
        throw new IOException("blob " + d.digest() + ": content does not match its descriptor");
      }
      body = () -> BodyPublishers.ofByteArray(content);
    }
    if (!hasBlob(d.digest())) {
      BlobUpload.run(this, transport, memory, d, body);
    }
    memory.seen(registry, d.digest(), repository);
  }

  @Override
  public Digest pushManifest(byte[] manifest, String mediaType, List<String> tags)
      throws IOException {
    tags.forEach(Reference::checkedTagOrDigest);
    Digest digest = Digest.sha256(manifest);
    List<String> references = tags.isEmpty() ? List.of(digest.toString()) : tags;
    for (String reference : references) {
      Transport.Call put =
          call(
              "PUT",
              url("manifests/" + reference),
              Map.of("Content-Type", mediaType),
              () -> BodyPublishers.ofByteArray(manifest),
              push);
      try (Response r = transport.send(put)) {
        if (r.status() != 201) {
          throw transport.error(put, r, "pushing manifest " + digest);
        }
      }
    }
    for (String tag : tags) {
      Optional<Digest> stored = resolve(tag);
      if (!stored.equals(Optional.of(digest))) {
        throw new IOException(
            "registry "
                + registry
                + ": after pushing "
                + name()
                + ":"
                + tag
                + " as "
                + digest
                + " the tag names "
                + stored.map(Digest::toString).orElse("nothing"));
      }
    }
    return digest;
  }

  @Override
  public Optional<Digest> resolve(String tag) throws IOException {
    Transport.Call head =
        call(
            "HEAD",
            url("manifests/" + Reference.checkedTagOrDigest(tag)),
            Map.of("Accept", MediaTypes.manifestAccept()),
            null,
            pull);
    try (Response r = transport.send(head)) {
      if (r.status() == 404) {
        return Optional.empty();
      }
      if (r.status() != 200) {
        throw transport.error(head, r, null);
      }
      Optional<String> header = r.header("Docker-Content-Digest");
      if (header.isPresent()) {
        return Optional.of(parseDigest(header.get(), head));
      }
    }
    return Optional.of(fetchManifest(tag).digest());
  }

  @Override
  public Manifest fetchManifest(String reference) throws IOException {
    Transport.Call get =
        call(
            "GET",
            url("manifests/" + Reference.checkedTagOrDigest(reference)),
            Map.of("Accept", MediaTypes.manifestAccept()),
            null,
            pull);
    byte[] content;
    String mediaType;
    Optional<String> header;
    try (Response r = transport.send(get)) {
      if (r.status() != 200) {
        throw transport.error(get, r, "manifest " + name() + ":" + reference);
      }
      content = r.readAll(MAX_MANIFEST, "manifest " + name() + ":" + reference);
      mediaType =
          r.header("Content-Type")
              .map(t -> t.substring(0, t.indexOf(';') < 0 ? t.length() : t.indexOf(';')).trim())
              .orElse("");
      header = r.header("Docker-Content-Digest");
    }
    Digest expected =
        reference.contains(":")
            ? Digest.parse(reference)
            : header.isPresent() ? parseDigest(header.get(), get) : null;
    Digest actual =
        expected == null
            ? Digest.sha256(content)
            : VerifyingInputStream.digestOf(content, expected);
    if (expected != null && !actual.equals(expected)) {
      throw new IOException(
          "registry "
              + registry
              + ": manifest "
              + name()
              + ":"
              + reference
              + " has digest "
              + actual
              + ", expected "
              + expected);
    }
    if (mediaType.isEmpty() || mediaType.equals("application/json")) {
      try {
        mediaType = OciJson.MAPPER.readTree(content).path("mediaType").asText(mediaType);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IOException(
            "registry " + registry + ": manifest " + name() + ":" + reference + " is not JSON");
      }
    }
    return new Manifest(content, mediaType, actual);
  }

  @Override
  public InputStream fetchBlob(Descriptor blob) throws IOException {
    Transport.Call get = call("GET", url("blobs/" + blob.digest()), Map.of(), null, pull);
    Response r = transport.send(get);
    if (r.status() != 200) {
      throw transport.error(get, r, "blob " + blob.digest());
    }
    return new VerifyingInputStream(
        r.body(),
        blob.digest(),
        blob.size(),
        "registry " + registry + ": blob " + name() + "@" + blob.digest());
  }

  @Override
  public Optional<byte[]> referrers(Digest digest) throws IOException {
    Transport.Call get =
        call("GET", url("referrers/" + digest), Map.of("Accept", MediaTypes.OCI_INDEX), null, pull);
    try (Response r = transport.send(get)) {
      String type = r.header("Content-Type").orElse("");
      if (r.status() != 200 || !type.startsWith(MediaTypes.OCI_INDEX)) {
        return Optional.empty(); // CNCF distribution 2.8: no referrers API (404)
      }
      return Optional.of(r.readAll(MAX_MANIFEST, "referrers of " + name() + "@" + digest));
    }
  }

  @Override
  public List<String> listTags() throws IOException {
    return TagList.fetch(this, transport);
  }

  private Digest parseDigest(String value, Transport.Call call) throws RegistryException {
    try {
      return Digest.parse(value.trim());
    } catch (IllegalArgumentException e) {
      throw new RegistryException(
          Transport.describe(call) + ": invalid Docker-Content-Digest " + value, 200, "");
    }
  }

  URI url(String path) {
    return URI.create(base + "/v2/" + repository + "/" + path);
  }

  /** A request; one to another origin (an upload location elsewhere) carries no credentials. */
  Transport.Call call(
      String method,
      URI uri,
      Map<String, String> headers,
      Supplier<BodyPublisher> body,
      String scope) {
    String effectiveScope = Transport.sameOrigin(base, uri) ? scope : null;
    return new Transport.Call(registry, method, uri, headers, body, effectiveScope, null);
  }

  @Override
  public String toString() {
    return "RegistryRepository[" + name() + "]";
  }
}
