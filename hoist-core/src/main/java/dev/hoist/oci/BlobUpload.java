package dev.hoist.oci;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One blob upload, in as few requests as the registry allows (OCI distribution spec, "push"):
 *
 * <ol>
 *   <li>a cross-repository mount ({@code POST …/blobs/uploads/?mount=<digest>&from=<repo>}) when
 *       this client saw the blob in another repository of the registry: 201 means done, 202 opened
 *       an ordinary upload;
 *   <li>else, for a blob of at most {@link #SINGLE_POST_MAX} bytes, a POST with {@code ?digest=}
 *       and the content: 201 means done, 202 (the registry ignores the content, as CNCF
 *       distribution 2.8 does) opened an ordinary upload; after any answer but 201 the client stops
 *       trying this for the registry, and after one that is neither (a registry that rejects
 *       content with the POST) it goes on with
 *   <li>a POST without content;
 * </ol>
 *
 * then one monolithic PUT of the whole content to the returned {@code Location} (relative or
 * absolute, with or without a query) plus {@code digest=}.
 */
final class BlobUpload {
  static final long SINGLE_POST_MAX = 256 * 1024;

  private BlobUpload() {}

  /**
   * Uploads; when it fails with a registry answer (for example the PUT's answer was lost, the retry
   * found the upload session closed) a HEAD tells whether the blob arrived anyway, and if not the
   * upload starts over once.
   */
  static void run(
      RegistryRepository repo,
      Transport transport,
      UploadMemory memory,
      Descriptor blob,
      Supplier<BodyPublisher> body)
      throws IOException {
    try {
      once(repo, transport, memory, blob, body);
    } catch (RegistryException e) {
      if (!restartable(e)) {
        throw e; // refused (401/403/400…) or retried to exhaustion already: starting over would
        // only multiply the requests
      }
      if (repo.hasBlob(blob.digest())) {
        return;
      }
      once(repo, transport, memory, blob, body);
    }
  }

  /**
   * An upload session the registry lost (404, {@code BLOB_UPLOAD_UNKNOWN}/{@code _INVALID}: e.g.
   * the PUT's answer was lost and its retry found the session closed) is worth one fresh start.
   */
  static boolean restartable(RegistryException e) {
    return e.status() == 404 || e.code().startsWith("BLOB_UPLOAD_");
  }

  private static URI location(RegistryRepository repo, Response r) throws RegistryException {
    return UploadLocation.checked(
        repo, repo.base(), r.uri(), r.header("Location").get(), repo.privateUploadLocations());
  }

  private static void once(
      RegistryRepository repo,
      Transport transport,
      UploadMemory memory,
      Descriptor blob,
      Supplier<BodyPublisher> body)
      throws IOException {
    Optional<URI> location = start(repo, transport, memory, blob, body);
    if (location.isEmpty()) {
      return;
    }
    URI target =
        URI.create(
            location.get()
                + (location.get().getRawQuery() == null ? "?" : "&")
                + "digest="
                + encode(blob.digest().toString()));
    Transport.Call put =
        repo.call(
            "PUT",
            target,
            Map.of("Content-Type", "application/octet-stream"),
            body,
            repo.pushScope());
    try (Response r = transport.send(put)) {
      if (r.status() != 201) {
        throw transport.error(put, r, "uploading " + blob.digest());
      }
    }
    if (UploadLocation.foreign(repo.base(), target) && !repo.hasBlob(blob.digest())) {
      throw new RegistryException(
          "registry "
              + repo.registry()
              + ": the upload of "
              + blob.digest()
              + " to "
              + target.getHost()
              + " answered 201 but the registry does not have the blob",
          0,
          "");
    }
  }

  /**
   * Starts the upload: empty when the starting request stored the blob already, else where to PUT
   * it.
   */
  private static Optional<URI> start(
      RegistryRepository repo,
      Transport transport,
      UploadMemory memory,
      Descriptor blob,
      Supplier<BodyPublisher> body)
      throws IOException {
    Optional<String> from = memory.source(repo.registry(), blob.digest(), repo.repository());
    if (from.isPresent()) {
      Transport.Call mount =
          repo.call(
              "POST",
              repo.url(
                  "blobs/uploads/?mount="
                      + encode(blob.digest().toString())
                      + "&from="
                      + encode(from.get())),
              Map.of(),
              null,
              repo.pushScope() + " repository:" + from.get() + ":pull");
      try (Response r = transport.send(mount)) {
        if (r.status() == 201) {
          return Optional.empty();
        }
        if (r.status() == 202 && r.header("Location").isPresent()) {
          return Optional.of(location(repo, r));
        }
      }
      // refused (e.g. no pull access to the source repository): upload as if nothing were known
    }
    if (blob.size() <= SINGLE_POST_MAX && memory.trySinglePost(repo.registry())) {
      Transport.Call single =
          repo.call(
              "POST",
              repo.url("blobs/uploads/?digest=" + encode(blob.digest().toString())),
              Map.of("Content-Type", "application/octet-stream"),
              body,
              repo.pushScope());
      try (Response r = transport.send(single)) {
        if (r.status() == 201) {
          memory.singlePost(repo.registry(), true);
          return Optional.empty();
        }
        memory.singlePost(repo.registry(), false);
        if (r.status() == 202 && r.header("Location").isPresent()) {
          return Optional.of(location(repo, r));
        }
      }
      // another answer (a registry that rejects content with the POST): the plain POST below tells
    }
    Transport.Call start =
        repo.call("POST", repo.url("blobs/uploads/"), Map.of(), null, repo.pushScope());
    try (Response r = transport.send(start)) {
      if (r.status() != 202 || r.header("Location").isEmpty()) {
        throw transport.error(start, r, "starting the upload of " + blob.digest());
      }
      return Optional.of(location(repo, r));
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
