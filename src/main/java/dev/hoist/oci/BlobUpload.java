package dev.hoist.oci;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A monolithic blob upload: POST {@code /v2/<name>/blobs/uploads/}, then one PUT of the whole content to the
 * returned {@code Location} (relative or absolute, with or without a query) plus {@code digest=}.
 */
final class BlobUpload {
  private BlobUpload() {}

  /**
   * Uploads; when the final PUT fails (for example its answer was lost, the retry found the upload session
   * closed) a HEAD tells whether the blob arrived anyway, and if not the upload starts over once.
   */
  static void run(RegistryRepository repo, Transport transport, Descriptor blob, Supplier<BodyPublisher> body)
      throws IOException {
    try {
      once(repo, transport, blob, body);
    } catch (RegistryException e) {
      if (repo.hasBlob(blob.digest())) {
        return;
      }
      once(repo, transport, blob, body);
    }
  }

  private static void once(RegistryRepository repo, Transport transport, Descriptor blob,
      Supplier<BodyPublisher> body) throws IOException {
    Transport.Call start = repo.call("POST", repo.url("blobs/uploads/"), Map.of(), null, repo.pushScope());
    URI location;
    try (Response r = transport.send(start)) {
      if (r.status() != 202 || r.header("Location").isEmpty()) {
        throw transport.error(start, r, "starting the upload of " + blob.digest());
      }
      location = r.uri().resolve(r.header("Location").get());
    }
    String digest = URLEncoder.encode(blob.digest().toString(), StandardCharsets.UTF_8);
    URI target = URI.create(location + (location.getRawQuery() == null ? "?" : "&") + "digest=" + digest);
    Transport.Call put = repo.call("PUT", target, Map.of("Content-Type", "application/octet-stream"), body,
        repo.pushScope());
    try (Response r = transport.send(put)) {
      if (r.status() != 201) {
        throw transport.error(put, r, "uploading " + blob.digest());
      }
    }
  }
}
