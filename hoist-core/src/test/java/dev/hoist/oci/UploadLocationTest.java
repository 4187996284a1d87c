package dev.hoist.oci;

import static dev.hoist.oci.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a blob upload may continue, and that a refused upload is not started over. */
class UploadLocationTest {
  private static final byte[] A =
      "blob a, big enough to skip nothing".getBytes(StandardCharsets.UTF_8);
  private static final Descriptor DA = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, A);
  private final List<Duration> sleeps = new ArrayList<>();

  private RegistryRepository repo(TestServer server) {
    return TestServer.client(sleeps).build().repository(server.registry() + "/team/app");
  }

  @Test
  void aLocationOnAnotherLoopbackHostGetsNoContent() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              switch (ex.getRequestMethod()) {
                case "HEAD" -> send(ex, 404, "");
                case "POST" ->
                    send(ex, 202, "", "Location", "http://127.0.0.2:9/v2/team/app/blobs/uploads/x");
                default -> send(ex, 201, "");
              }
            })) {
      RegistryException e =
          assertThrows(RegistryException.class, () -> repo(server).pushBlob(DA, A));
      assertTrue(
          e.getMessage().contains("the upload location http://127.0.0.2:9 points to another host"),
          e.getMessage());
      assertTrue(
          server.lines().stream().noneMatch(l -> l.startsWith("PUT")), server.lines().toString());
    }
  }

  @Test
  void theRegistrysOwnOriginAndPublicHttpsHostsAreFollowed() throws Exception {
    URI base = URI.create("http://127.0.0.1:5000");
    RegistryRepository repo = TestServer.client(sleeps).build().repository("127.0.0.1:5000/a/b");
    assertEquals(
        URI.create("http://127.0.0.1:5000/v2/a/b/blobs/uploads/u?s=1"),
        UploadLocation.checked(
            repo, base, URI.create("http://127.0.0.1:5000/v2/a/b/blobs/uploads/"), "u?s=1", false));
    assertEquals(
        URI.create("https://storage.example.com/up/1"),
        UploadLocation.checked(repo, base, base, "https://storage.example.com/up/1", false));
    for (String bad :
        List.of(
            "https://10.1.2.3/up",
            "https://192.168.0.1/up",
            "https://169.254.169.254/latest",
            "https://[::1]/up",
            "https://[fd00::1]/up",
            "https://0.0.0.0/up",
            "https://localhost/up",
            "http://storage.example.com/up")) {
      assertThrows(
          RegistryException.class, () -> UploadLocation.checked(repo, base, base, bad, false), bad);
    }
    assertEquals(
        URI.create("http://10.1.2.3/up"),
        UploadLocation.checked(repo, base, base, "http://10.1.2.3/up", true));
  }

  @Test
  void aForbiddenBlobIsNotUploadedAgain() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              switch (ex.getRequestMethod()) {
                case "HEAD" -> send(ex, 404, "");
                case "POST" -> send(ex, 202, "", "Location", "/v2/team/app/blobs/uploads/u" + n);
                default -> send(ex, 403, "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"no\"}]}");
              }
            })) {
      RegistryException e =
          assertThrows(RegistryException.class, () -> repo(server).pushBlob(DA, A));
      assertEquals(403, e.status());
      assertEquals(
          1,
          server.lines().stream().filter(l -> l.startsWith("PUT")).count(),
          server.lines().toString());
    }
  }

  @Test
  void aPermanent503OnThePutIsNotMultipliedByUploadRestarts() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              switch (ex.getRequestMethod()) {
                case "HEAD" -> send(ex, 404, "");
                case "POST" -> send(ex, 202, "", "Location", "/v2/team/app/blobs/uploads/u" + n);
                default -> send(ex, 503, "");
              }
            })) {
      RegistryException e =
          assertThrows(RegistryException.class, () -> repo(server).pushBlob(DA, A));
      assertEquals(503, e.status());
      long puts = server.lines().stream().filter(l -> l.startsWith("PUT")).count();
      long posts = server.lines().stream().filter(l -> l.startsWith("POST")).count();
      assertEquals(5, puts, server.lines().toString());
      assertTrue(posts <= 2, server.lines().toString());
    }
  }

  @Test
  void aForeign201IsNotTrustedWithoutTheRegistrysConfirmation() throws Exception {
    try (TestServer storage = new TestServer((ex, n) -> send(ex, 201, ""));
        TestServer server =
            new TestServer(
                (ex, n) -> {
                  switch (ex.getRequestMethod()) {
                    case "HEAD" -> send(ex, 404, "");
                    case "POST" ->
                        send(ex, 202, "", "Location", "http://localhost:" + storage.port() + "/up");
                    default -> send(ex, 500, "");
                  }
                })) {
      RegistryException e =
          assertThrows(
              RegistryException.class,
              () ->
                  TestServer.client(sleeps)
                      .privateUploadLocations(true)
                      .build()
                      .repository(server.registry() + "/team/app")
                      .pushBlob(DA, A));
      assertTrue(
          e.getMessage().contains("answered 201 but the registry does not have the blob"),
          e.getMessage());
    }
  }
}
