package dev.hoist.oci;

import static dev.hoist.oci.TestServer.send;
import static dev.hoist.oci.TestServer.sendBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RegistryContentTest {
  private static final byte[] GOOD = "good".getBytes(StandardCharsets.UTF_8);
  private static final Descriptor BLOB = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, GOOD);
  private final List<Duration> sleeps = new ArrayList<>();

  private RegistryRepository repo(TestServer server) {
    return TestServer.client(sleeps).build().repository(server.registry() + "/team/app");
  }

  private static String readAll(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void blobWithOtherContentFailsAtEndOfStream() throws Exception {
    try (TestServer server =
        new TestServer((ex, n) -> sendBytes(ex, 200, "evil".getBytes(StandardCharsets.UTF_8)))) {
      IOException e = assertThrows(IOException.class, () -> readAll(repo(server).fetchBlob(BLOB)));
      assertEquals(
          "registry "
              + server.registry()
              + ": blob "
              + server.registry()
              + "/team/app@"
              + BLOB.digest()
              + ": content has digest "
              + Digest.sha256("evil".getBytes(StandardCharsets.UTF_8))
              + ", expected "
              + BLOB.digest(),
          e.getMessage());
    }
  }

  @Test
  void blobTooShortOrTooLongFails() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) ->
                sendBytes(
                    ex, 200, (n == 1 ? "goo" : "goodbye").getBytes(StandardCharsets.UTF_8)))) {
      IOException shortBlob =
          assertThrows(IOException.class, () -> readAll(repo(server).fetchBlob(BLOB)));
      assertEquals(
          "registry "
              + server.registry()
              + ": blob "
              + server.registry()
              + "/team/app@"
              + BLOB.digest()
              + ": got 3 bytes, expected 4",
          shortBlob.getMessage());
      IOException longBlob =
          assertThrows(IOException.class, () -> readAll(repo(server).fetchBlob(BLOB)));
      assertEquals(
          "registry "
              + server.registry()
              + ": blob "
              + server.registry()
              + "/team/app@"
              + BLOB.digest()
              + ": more than the expected 4 bytes",
          longBlob.getMessage());
    }
  }

  @Test
  void manifestIsCheckedAgainstTheRequestedDigestAndTheHeader() throws Exception {
    byte[] manifest = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
    Digest right = Digest.sha256(manifest);
    Digest wrong = Digest.sha256("other".getBytes(StandardCharsets.UTF_8));
    try (TestServer server =
        new TestServer(
            (ex, n) ->
                sendBytes(
                    ex,
                    200,
                    manifest,
                    "Content-Type",
                    MediaTypes.OCI_MANIFEST,
                    "Docker-Content-Digest",
                    n == 3 ? wrong.toString() : right.toString()))) {
      RegistryRepository repo = repo(server);
      Repository.Manifest byDigest = repo.fetchManifest(right.toString());
      assertArrayEquals(manifest, byDigest.content());
      assertEquals(MediaTypes.OCI_MANIFEST, byDigest.mediaType());
      assertEquals(right, byDigest.digest());
      IOException e = assertThrows(IOException.class, () -> repo.fetchManifest(wrong.toString()));
      assertEquals(
          "registry "
              + server.registry()
              + ": manifest "
              + server.registry()
              + "/team/app:"
              + wrong
              + " has digest "
              + right
              + ", expected "
              + wrong,
          e.getMessage());
      IOException e2 = assertThrows(IOException.class, () -> repo.fetchManifest("v1"));
      assertEquals(
          "registry "
              + server.registry()
              + ": manifest "
              + server.registry()
              + "/team/app:v1 has digest "
              + right
              + ", expected "
              + wrong,
          e2.getMessage());
    }
  }

  @Test
  void manifestLargerThanFourMibIsRefused() throws Exception {
    byte[] big = new byte[RegistryRepository.MAX_MANIFEST + 1];
    try (TestServer server = new TestServer((ex, n) -> sendBytes(ex, 200, big))) {
      IOException e = assertThrows(IOException.class, () -> repo(server).fetchManifest("v1"));
      assertEquals(
          "manifest "
              + server.registry()
              + "/team/app:v1 is 4194305 bytes, more than the limit of 4194304",
          e.getMessage());
    }
  }

  @Test
  void uploadUsesAbsoluteLocationWithItsQueryAndSkipsExistingBlobs() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              switch (n) {
                case 1, 4 -> send(ex, n == 1 ? 404 : 200, "");
                case 2 ->
                    send(
                        ex,
                        202,
                        "",
                        "Location",
                        "http://"
                            + ex.getRequestHeaders().getFirst("Host")
                            + "/upload/here?session=9");
                default -> send(ex, 201, "");
              }
            })) {
      RegistryRepository repo = repo(server);
      repo.pushBlob(BLOB, GOOD);
      repo.pushBlob(BLOB, GOOD);
      assertEquals(
          List.of(
              "HEAD /v2/team/app/blobs/" + BLOB.digest(),
              "POST /v2/team/app/blobs/uploads/?digest=sha256%3A" + BLOB.digest().hex(),
              "PUT /upload/here?session=9&digest=sha256%3A" + BLOB.digest().hex(),
              "HEAD /v2/team/app/blobs/" + BLOB.digest()),
          server.lines());
      assertArrayEquals(GOOD, server.seen.get(2).body());
    }
  }

  @Test
  void blobWhoseContentDoesNotMatchItsDescriptorIsNotSent() throws Exception {
    try (TestServer server = new TestServer((ex, n) -> send(ex, 404, ""))) {
      IOException e =
          assertThrows(
              IOException.class,
              () -> repo(server).pushBlob(BLOB, "evil".getBytes(StandardCharsets.UTF_8)));
      assertEquals(
          "blob " + BLOB.digest() + ": content does not match its descriptor", e.getMessage());
      assertEquals(0, server.seen.size());
    }
  }

  @Test
  void pushManifestPutsEachTagAndChecksWhatTheTagNames() throws Exception {
    byte[] manifest = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.sha256(manifest);
    Digest other = Digest.sha256("other".getBytes(StandardCharsets.UTF_8));
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              if (ex.getRequestMethod().equals("PUT")) {
                send(ex, 201, "", "Docker-Content-Digest", digest.toString());
              } else {
                send(
                    ex,
                    200,
                    "",
                    "Docker-Content-Digest",
                    ex.getRequestURI().getPath().endsWith("/b")
                        ? other.toString()
                        : digest.toString());
              }
            })) {
      RegistryRepository repo = repo(server);
      assertEquals(digest, repo.pushManifest(manifest, MediaTypes.OCI_MANIFEST, List.of("a")));
      assertEquals(digest, repo.pushManifest(manifest, MediaTypes.OCI_MANIFEST, List.of()));
      IOException e =
          assertThrows(
              IOException.class,
              () -> repo.pushManifest(manifest, MediaTypes.OCI_MANIFEST, List.of("a", "b")));
      assertEquals(
          "registry "
              + server.registry()
              + ": after pushing "
              + server.registry()
              + "/team/app:b as "
              + digest
              + " the tag names "
              + other,
          e.getMessage());
      assertEquals(
          List.of(
              "PUT /v2/team/app/manifests/a",
              "HEAD /v2/team/app/manifests/a",
              "PUT /v2/team/app/manifests/" + digest,
              "PUT /v2/team/app/manifests/a",
              "PUT /v2/team/app/manifests/b",
              "HEAD /v2/team/app/manifests/a",
              "HEAD /v2/team/app/manifests/b"),
          server.lines());
      assertArrayEquals(manifest, server.seen.get(0).body());
    }
  }

  @Test
  void listTagsFollowsLinkPagination() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              if (n == 1) {
                send(
                    ex,
                    200,
                    "{\"name\":\"team/app\",\"tags\":[\"a\",\"b\"]}",
                    "Link",
                    "</v2/team/app/tags/list?last=b&n=2>; rel=\"next\"");
              } else {
                send(ex, 200, "{\"name\":\"team/app\",\"tags\":[\"c\"]}");
              }
            })) {
      assertEquals(List.of("a", "b", "c"), repo(server).listTags());
      assertEquals(
          List.of("GET /v2/team/app/tags/list", "GET /v2/team/app/tags/list?last=b&n=2"),
          server.lines());
    }
  }

  @Test
  void aSelfReferencingLinkStopsAtOnceWithOneLine() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) ->
                send(
                    ex,
                    200,
                    "{\"name\":\"team/app\",\"tags\":[\"a\"]}",
                    "Link",
                    "</v2/team/app/tags/list?last=a>; rel=\"next\""))) {
      RegistryException e = assertThrows(RegistryException.class, () -> repo(server).listTags());
      assertTrue(
          e.getMessage().contains("leads back to /v2/team/app/tags/list?last=a"), e.getMessage());
      assertEquals(2, server.lines().size(), server.lines().toString());
    }
  }

  @Test
  void anEndlessChainOfPagesIsCapped() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) ->
                send(
                    ex,
                    200,
                    "{\"name\":\"team/app\",\"tags\":[\"t" + n + "\"]}",
                    "Link",
                    "</v2/team/app/tags/list?last=t" + n + ">; rel=\"next\""))) {
      RegistryException e = assertThrows(RegistryException.class, () -> repo(server).listTags());
      assertTrue(e.getMessage().contains("more than 100 pages (100 tags read)"), e.getMessage());
      assertEquals(TagList.MAX_PAGES, server.lines().size());
    }
  }

  @Test
  void listTagsOfAnUnknownRepositoryIsEmpty() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) ->
                send(
                    ex,
                    404,
                    "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\"}]}"))) {
      assertEquals(List.of(), repo(server).listTags());
    }
  }

  @Test
  void linkHeaderVariants() {
    assertEquals(java.util.Optional.of("/x?a=1"), LinkHeader.next("</x?a=1>; rel=\"next\""));
    assertEquals(java.util.Optional.of("/y"), LinkHeader.next("</p>; rel=prev, </y>; rel=next"));
    assertEquals(java.util.Optional.empty(), LinkHeader.next("</p>; rel=\"prev\""));
  }
}
