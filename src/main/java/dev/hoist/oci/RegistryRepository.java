package dev.hoist.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A repository in a remote registry, spoken to with the OCI distribution API. Made by
 * {@link RegistryClient#repository}. Blobs are checked with HEAD before an upload (POST, then one monolithic
 * PUT); a manifest is PUT once per tag and each tag is read back to check it names the pushed digest.
 */
public final class RegistryRepository implements Repository {
  /** The largest manifest hoist reads. */
  static final int MAX_MANIFEST = 4 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Transport transport;
  private final URI base;
  private final String registry;
  private final String repository;
  private final String pull;
  private final String push;

  RegistryRepository(Transport transport, URI base, String registry, String repository) {
    this.transport = transport;
    this.base = base;
    this.registry = registry;
    this.repository = repository;
    this.pull = "repository:" + repository + ":pull";
    this.push = "repository:" + repository + ":pull,push";
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
    long size = Files.size(content);
    if (size != blob.size()) {
      throw new IOException(content + ": " + size + " bytes, but its descriptor says " + blob.size());
    }
    if (!hasBlob(blob.digest())) {
      BlobUpload.run(this, transport, blob, () -> {
        try {
          return BodyPublishers.ofFile(content);
        } catch (java.io.FileNotFoundException e) {
          throw new IllegalStateException(content + ": missing", e);
        }
      });
    }
  }

  @Override
  public void pushBlob(Descriptor blob, byte[] content) throws IOException {
    if (content.length != blob.size()
        || !VerifyingInputStream.digestOf(content, blob.digest()).equals(blob.digest())) {
      throw new IOException("blob " + blob.digest() + ": content does not match its descriptor");
    }
    if (!hasBlob(blob.digest())) {
      BlobUpload.run(this, transport, blob, () -> BodyPublishers.ofByteArray(content));
    }
  }

  @Override
  public Digest pushManifest(byte[] manifest, String mediaType, List<String> tags) throws IOException {
    tags.forEach(Reference::checkedTagOrDigest);
    Digest digest = Digest.sha256(manifest);
    List<String> references = tags.isEmpty() ? List.of(digest.toString()) : tags;
    for (String reference : references) {
      Transport.Call put = call("PUT", url("manifests/" + reference), Map.of("Content-Type", mediaType),
          () -> BodyPublishers.ofByteArray(manifest), push);
      try (Response r = transport.send(put)) {
        if (r.status() != 201) {
          throw transport.error(put, r, "pushing manifest " + digest);
        }
      }
    }
    for (String tag : tags) {
      Optional<Digest> stored = resolve(tag);
      if (!stored.equals(Optional.of(digest))) {
        throw new IOException("registry " + registry + ": after pushing " + name() + ":" + tag + " as " + digest
            + " the tag names " + stored.map(Digest::toString).orElse("nothing"));
      }
    }
    return digest;
  }

  @Override
  public Optional<Digest> resolve(String tag) throws IOException {
    Transport.Call head = call("HEAD", url("manifests/" + Reference.checkedTagOrDigest(tag)),
        Map.of("Accept", MediaTypes.manifestAccept()), null, pull);
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
    Transport.Call get = call("GET", url("manifests/" + Reference.checkedTagOrDigest(reference)),
        Map.of("Accept", MediaTypes.manifestAccept()), null, pull);
    byte[] content;
    String mediaType;
    Optional<String> header;
    try (Response r = transport.send(get)) {
      if (r.status() != 200) {
        throw transport.error(get, r, "manifest " + name() + ":" + reference);
      }
      content = r.readAll(MAX_MANIFEST, "manifest " + name() + ":" + reference);
      mediaType = r.header("Content-Type").map(t -> t.split(";")[0].trim()).orElse("");
      header = r.header("Docker-Content-Digest");
    }
    Digest expected = reference.contains(":") ? Digest.parse(reference)
        : header.isPresent() ? parseDigest(header.get(), get) : null;
    Digest actual = expected == null ? Digest.sha256(content) : VerifyingInputStream.digestOf(content, expected);
    if (expected != null && !actual.equals(expected)) {
      throw new IOException("registry " + registry + ": manifest " + name() + ":" + reference + " has digest "
          + actual + ", expected " + expected);
    }
    if (mediaType.isEmpty() || mediaType.equals("application/json")) {
      try {
        mediaType = JSON.readTree(content).path("mediaType").asText(mediaType);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IOException("registry " + registry + ": manifest " + name() + ":" + reference + " is not JSON");
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
    return new VerifyingInputStream(r.body(), blob.digest(), blob.size(),
        "registry " + registry + ": blob " + name() + "@" + blob.digest());
  }

  @Override
  public List<String> listTags() throws IOException {
    return TagList.fetch(this, transport);
  }

  private Digest parseDigest(String value, Transport.Call call) throws RegistryException {
    try {
      return Digest.parse(value.trim());
    } catch (IllegalArgumentException e) {
      throw new RegistryException(Transport.describe(call) + ": invalid Docker-Content-Digest " + value, 200, "");
    }
  }

  URI url(String path) {
    return URI.create(base + "/v2/" + repository + "/" + path);
  }

  /** A request; one to another origin (an upload location elsewhere) carries no credentials. */
  Transport.Call call(String method, URI uri, Map<String, String> headers,
      Supplier<BodyPublisher> body, String scope) {
    String effectiveScope = Transport.sameOrigin(base, uri) ? scope : null;
    return new Transport.Call(registry, method, uri, headers, body, effectiveScope, null);
  }

  @Override
  public String toString() {
    return "RegistryRepository[" + name() + "]";
  }
}
