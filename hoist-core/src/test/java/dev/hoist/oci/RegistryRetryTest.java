package dev.hoist.oci;

import static dev.hoist.oci.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RegistryRetryTest {
  private static final String DIGEST = "sha256:" + "b".repeat(64);
  private final List<Duration> sleeps = new ArrayList<>();

  private RegistryRepository repo(TestServer server) {
    return TestServer.client(sleeps).build().repository(server.registry() + "/team/app");
  }

  @Test
  void retriesServerErrorsWithBackoffThenSucceeds() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              if (n <= 2) {
                send(ex, n == 1 ? 503 : 502, "");
              } else {
                send(ex, 200, "", "Docker-Content-Digest", DIGEST);
              }
            })) {
      List<String> log = new ArrayList<>();
      RegistryRepository repo =
          TestServer.client(sleeps)
              .log(log::add)
              .build()
              .repository(server.registry() + "/team/app");
      assertEquals(Optional.of(Digest.parse(DIGEST)), repo.resolve("v1"));
      String head = "registry " + server.registry() + ": HEAD /v2/team/app/manifests/v1: ";
      assertEquals(List.of(head + "503; retrying in 50 ms", head + "502; retrying in 100 ms"), log);
      assertEquals(
          List.of(
              "HEAD /v2/team/app/manifests/v1",
              "HEAD /v2/team/app/manifests/v1",
              "HEAD /v2/team/app/manifests/v1"),
          server.lines());
      // base 100 ms doubling, jitter factor 0.5 with random() = 0
      assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), sleeps);
    }
  }

  @Test
  void givesUpAfterFiveAttemptsWithTheRegistryError() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) ->
                send(
                    ex,
                    500,
                    "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"storage down\"}]}"))) {
      IOException e = assertThrows(IOException.class, () -> repo(server).fetchManifest("v1"));
      assertEquals(
          "registry "
              + server.registry()
              + ": GET /v2/team/app/manifests/v1: failed after 5 attempts: "
              + "500 UNKNOWN: storage down",
          e.getMessage());
      assertEquals(5, server.seen.size());
      assertEquals(
          List.of(50L, 100L, 200L, 400L), sleeps.stream().map(Duration::toMillis).toList());
    }
  }

  @Test
  void honoursRetryAfterSecondsAndHttpDate() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              if (n == 1) {
                send(ex, 429, "", "Retry-After", "7");
              } else if (n == 2) {
                send(ex, 503, "", "Retry-After", "Thu, 01 Jan 2026 00:00:30 GMT");
              } else {
                send(ex, 404, "");
              }
            })) {
      assertEquals(Optional.empty(), repo(server).resolve("v1"));
      assertEquals(3, server.seen.size());
      assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(30)), sleeps);
    }
  }

  @Test
  void failsAtOnceWhenRetryAfterIsTooLong() throws Exception {
    try (TestServer server = new TestServer((ex, n) -> send(ex, 429, "", "Retry-After", "120"))) {
      RegistryException e =
          assertThrows(RegistryException.class, () -> repo(server).hasBlob(Digest.parse(DIGEST)));
      assertEquals(
          "registry "
              + server.registry()
              + ": HEAD /v2/team/app/blobs/"
              + DIGEST
              + ": 429; the registry asks to retry in 120 s (at 2026-01-01T00:02:00Z); try again then",
          e.getMessage());
      assertEquals(1, server.seen.size());
      assertEquals(List.of(), sleeps);
    }
  }

  @Test
  void aTooLongRetryAfterNamesTheRegistrysErrorCode() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) ->
                send(
                    ex,
                    429,
                    "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"pull rate limit\"}]}",
                    "Retry-After",
                    "3600"))) {
      RegistryException e = assertThrows(RegistryException.class, () -> repo(server).listTags());
      assertEquals("TOOMANYREQUESTS", e.code());
      assertTrue(e.getMessage().contains(": 429 TOOMANYREQUESTS"), e.getMessage());
    }
  }

  @Test
  void otherClientErrorsFailOnTheFirstAttemptWithTheRegistryMessage() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) ->
                send(
                    ex,
                    400,
                    "{\"errors\":[{\"code\":\"MANIFEST_INVALID\",\"message\":\"manifest invalid\",\"detail\":{}}]}"))) {
      RegistryException e =
          assertThrows(
              RegistryException.class,
              () ->
                  repo(server)
                      .pushManifest(
                          "{}".getBytes(StandardCharsets.UTF_8),
                          MediaTypes.OCI_MANIFEST,
                          List.of("v1")));
      assertEquals(
          "registry "
              + server.registry()
              + ": PUT /v2/team/app/manifests/v1: pushing manifest "
              + Digest.sha256("{}".getBytes(StandardCharsets.UTF_8))
              + ": 400 MANIFEST_INVALID: manifest invalid",
          e.getMessage());
      assertEquals("MANIFEST_INVALID", e.code());
      assertEquals(400, e.status());
      assertEquals(1, server.seen.size());
    }
  }

  @Test
  void retriesDroppedConnections() throws Exception {
    byte[] layer = "layer".getBytes(StandardCharsets.UTF_8);
    Descriptor blob = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, layer);
    try (TestServer server =
        new TestServer(
            (ex, n) -> {
              if (n == 1) {
                send(ex, 404, "");
              } else if (n < 4) {
                ex.close(); // no answer at all: the client sees an I/O error (POST is not retried
                // by the JDK itself)
              } else if (n == 4) {
                send(ex, 202, "", "Location", "/v2/team/app/blobs/uploads/u1?_state=s");
              } else {
                send(ex, 201, "");
              }
            })) {
      repo(server).pushBlob(blob, layer);
      String post = "POST /v2/team/app/blobs/uploads/?digest=sha256%3A" + blob.digest().hex();
      assertEquals(
          List.of(
              "HEAD /v2/team/app/blobs/" + blob.digest(),
              post,
              post,
              post,
              "PUT /v2/team/app/blobs/uploads/u1?_state=s&digest=sha256%3A" + blob.digest().hex()),
          server.lines());
      assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), sleeps);
      assertEquals("layer", new String(server.seen.get(4).body(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aRefusedConnectionIsNotRetried() throws Exception {
    int closed;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    RegistryRepository repo =
        TestServer.client(sleeps).build().repository("127.0.0.1:" + closed + "/team/app");
    RegistryException e = assertThrows(RegistryException.class, () -> repo.resolve("v1"));
    assertEquals(
        "registry 127.0.0.1:"
            + closed
            + ": HEAD /v2/team/app/manifests/v1: registry unreachable: "
            + "http://127.0.0.1:"
            + closed
            + " refused the connection; is the registry running there?",
        e.getMessage());
    assertEquals(List.of(), sleeps);
  }

  @Test
  void retryPolicyReadsRetryAfter() {
    RetryPolicy policy =
        new RetryPolicy(
            5,
            Duration.ofMillis(500),
            Duration.ofSeconds(8),
            d -> {},
            java.time.Clock.fixed(TestServer.NOW, java.time.ZoneOffset.UTC),
            () -> 0.999);
    assertEquals(Optional.of(Duration.ofSeconds(3)), policy.retryAfter(" 3 "));
    assertEquals(Optional.of(Duration.ZERO), policy.retryAfter("Wed, 31 Dec 2025 23:59:00 GMT"));
    assertEquals(Optional.empty(), policy.retryAfter("soon"));
    assertEquals(Optional.empty(), policy.retryAfter(null));
    assertEquals(7996, policy.backoff(10).toMillis());
    assertTrue(
        RetryPolicy.retryable(408) && RetryPolicy.retryable(429) && RetryPolicy.retryable(504));
    assertTrue(
        !RetryPolicy.retryable(501) && !RetryPolicy.retryable(404) && !RetryPolicy.retryable(401));
  }
}
