package dev.hoist.oci;

import static dev.hoist.oci.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * How a blob reaches a registry: single POST, POST + PUT, cross-repository mount, several at once.
 */
class BlobUploadTest {
  private static final byte[] A = "blob a".getBytes(StandardCharsets.UTF_8);
  private static final byte[] B = "blob b".getBytes(StandardCharsets.UTF_8);
  private static final Descriptor DA = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, A);
  private static final Descriptor DB = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, B);
  private final List<Duration> sleeps = new ArrayList<>();

  private static String post(String repo, Descriptor d) {
    return "POST /v2/" + repo + "/blobs/uploads/?digest=sha256%3A" + d.digest().hex();
  }

  @Test
  void aRegistryThatTakesTheBlobWithThePostGetsOneRequestPerBlob() throws Exception {
    try (TestServer server =
        new TestServer((ex, n) -> send(ex, ex.getRequestMethod().equals("HEAD") ? 404 : 201, ""))) {
      RegistryRepository repo =
          TestServer.client(sleeps).build().repository(server.registry() + "/team/app");
      repo.pushBlob(DA, A);
      repo.pushBlob(DB, B);
      assertEquals(
          List.of(
              "HEAD /v2/team/app/blobs/" + DA.digest(),
              post("team/app", DA),
              "HEAD /v2/team/app/blobs/" + DB.digest(),
              post("team/app", DB)),
          server.lines());
      assertArrayEquals(A, server.seen.get(1).body());
      assertArrayEquals(B, server.seen.get(3).body());
    }
  }

  @Test
  void a202ToTheSinglePostFallsBackToPutAndTheClientStopsSendingContentWithThePost()
      throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              switch (ex.getRequestMethod()) {
                case "HEAD" -> send(ex, 404, "");
                case "POST" ->
                    send(ex, 202, "", "Location", "/v2/team/app/blobs/uploads/u" + n + "?_state=s");
                default -> send(ex, 201, "");
              }
            })) {
      RegistryRepository repo =
          TestServer.client(sleeps).build().repository(server.registry() + "/team/app");
      repo.pushBlob(DA, A);
      repo.pushBlob(DB, B);
      assertEquals(
          List.of(
              "HEAD /v2/team/app/blobs/" + DA.digest(),
              post("team/app", DA),
              "PUT /v2/team/app/blobs/uploads/u2?_state=s&digest=sha256%3A" + DA.digest().hex(),
              "HEAD /v2/team/app/blobs/" + DB.digest(),
              "POST /v2/team/app/blobs/uploads/",
              "PUT /v2/team/app/blobs/uploads/u5?_state=s&digest=sha256%3A" + DB.digest().hex()),
          server.lines());
      assertArrayEquals(A, server.seen.get(2).body());
      assertArrayEquals(new byte[0], server.seen.get(4).body());
      assertArrayEquals(B, server.seen.get(5).body());
    }
  }

  @Test
  void aRegistryThatRejectsContentWithThePostGetsAPlainPostThenThePut() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              String target = ex.getRequestURI().toString();
              switch (ex.getRequestMethod()) {
                case "HEAD" -> send(ex, 404, "");
                case "POST" ->
                    send(
                        ex,
                        target.contains("digest=") ? 400 : 202,
                        "",
                        "Location",
                        "/v2/team/app/blobs/uploads/u");
                default -> send(ex, 201, "");
              }
            })) {
      RegistryRepository repo =
          TestServer.client(sleeps).build().repository(server.registry() + "/team/app");
      repo.pushBlob(DA, A);
      repo.pushBlob(DB, B);
      assertEquals(
          List.of(
              "HEAD /v2/team/app/blobs/" + DA.digest(),
              post("team/app", DA),
              "POST /v2/team/app/blobs/uploads/",
              "PUT /v2/team/app/blobs/uploads/u?digest=sha256%3A" + DA.digest().hex(),
              "HEAD /v2/team/app/blobs/" + DB.digest(),
              "POST /v2/team/app/blobs/uploads/",
              "PUT /v2/team/app/blobs/uploads/u?digest=sha256%3A" + DB.digest().hex()),
          server.lines());
      assertEquals(List.of(), sleeps);
    }
  }

  @Test
  void aBigBlobIsNeverSentWithThePost() throws Exception {
    byte[] big = new byte[(int) BlobUpload.SINGLE_POST_MAX + 1];
    Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, big);
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              switch (ex.getRequestMethod()) {
                case "HEAD" -> send(ex, 404, "");
                case "POST" ->
                    send(ex, 202, "", "Location", "/v2/team/app/blobs/uploads/u?_state=s");
                default -> send(ex, 201, "");
              }
            })) {
      TestServer.client(sleeps)
          .build()
          .repository(server.registry() + "/team/app")
          .pushBlob(d, big);
      assertEquals("POST /v2/team/app/blobs/uploads/", server.lines().get(1));
      assertEquals(big.length, server.seen.get(2).body().length);
    }
  }

  @Test
  void aBlobSeenInAnotherRepositoryIsMountedAndARefusedMountIsUploaded() throws Exception {
    AtomicBoolean refuseMounts = new AtomicBoolean();
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              String target = ex.getRequestURI().toString();
              if (ex.getRequestMethod().equals("HEAD")) {
                send(ex, 404, "");
              } else if (target.contains("mount=") && refuseMounts.get()) {
                send(ex, 202, "", "Location", "/v2/team/c/blobs/uploads/m?_state=s");
              } else {
                send(ex, 201, "");
              }
            })) {
      RegistryClient client = TestServer.client(sleeps).build();
      client.repository(server.registry() + "/team/a").pushBlob(DA, A);
      client.repository(server.registry() + "/team/b").pushBlob(DA, A);
      refuseMounts.set(true);
      client.repository(server.registry() + "/team/c").pushBlob(DA, A);
      String mountFromA = "?mount=sha256%3A" + DA.digest().hex() + "&from=team%2Fa";
      String mountFromB = "?mount=sha256%3A" + DA.digest().hex() + "&from=team%2Fb";
      assertEquals(
          List.of(
              "HEAD /v2/team/a/blobs/" + DA.digest(),
              post("team/a", DA),
              "HEAD /v2/team/b/blobs/" + DA.digest(),
              "POST /v2/team/b/blobs/uploads/" + mountFromA,
              "HEAD /v2/team/c/blobs/" + DA.digest(),
              "POST /v2/team/c/blobs/uploads/" + mountFromB,
              "PUT /v2/team/c/blobs/uploads/m?_state=s&digest=sha256%3A" + DA.digest().hex()),
          server.lines());
      assertArrayEquals(new byte[0], server.seen.get(3).body());
      assertArrayEquals(A, server.seen.get(6).body());
    }
  }

  @Test
  void blobsAreCheckedAtTheSameTime() throws Exception {
    CountDownLatch bothAsked = new CountDownLatch(2);
    AtomicBoolean met = new AtomicBoolean(true);
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              if (ex.getRequestMethod().equals("HEAD")) {
                bothAsked.countDown();
                try {
                  // each HEAD waits for the other: one after the other, the first would wait in
                  // vain
                  met.compareAndSet(true, bothAsked.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              send(ex, ex.getRequestMethod().equals("HEAD") ? 200 : 500, "");
            },
            4)) {
      RegistryRepository repo =
          TestServer.client(sleeps).build().repository(server.registry() + "/team/app");
      repo.pushBlobs(List.of(Repository.Blob.of(DA, A), Repository.Blob.of(DB, B)));
      assertTrue(met.get(), "the second HEAD came only after the first was answered");
      assertEquals(2, server.lines().size(), server.lines().toString());
    }
  }

  @Test
  void oneConnectionCarriesAPushWhoseAnswersHaveShortBodiesOrNone() throws Exception {
    String error =
        "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}";
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              switch (ex.getRequestMethod()) {
                case "HEAD" -> send(ex, 404, "", "Content-Type", "application/json");
                case "GET" -> send(ex, 404, error, "Content-Type", "application/json");
                case "POST" -> send(ex, 202, "", "Location", "/v2/team/app/blobs/uploads/u");
                default -> send(ex, 201, "");
              }
            })) {
      RegistryRepository repo =
          TestServer.client(sleeps).build().repository(server.registry() + "/team/app");
      for (int i = 0; i < 10; i++) {
        repo.resolve("v" + i);
        repo.pushBlob(DA, A);
        assertThrows(
            RegistryException.class,
            () -> repo.fetchBlob(DA)); // an error body, read for the message
      }
      assertEquals(
          1,
          server.seen.stream().mapToInt(TestServer.Seen::clientPort).distinct().count(),
          server.lines().toString());
    }
  }
}
