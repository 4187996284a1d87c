package dev.hoist.oci;

import static dev.hoist.oci.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RegistryAuthTest {
  private static final String DIGEST = "sha256:" + "c".repeat(64);
  private static final String PASSWORD = "s3cret-Pw";
  private static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  private final List<Duration> sleeps = new ArrayList<>();

  private RegistryRepository repo(TestServer server, Credentials credentials) {
    return TestServer.client(sleeps)
        .credentials(credentials)
        .build()
        .repository(server.registry() + "/team/app");
  }

  /**
   * A registry with a token endpoint that accepts only the newest token it issued; tokens t1, t2,
   * ...
   */
  private static TestServer bearerRegistry(AtomicInteger issued, boolean requireBasic)
      throws Exception {
    AtomicReference<String> realm = new AtomicReference<>();
    TestServer server =
        new TestServer(
            (ex, n) -> {
              String auth = ex.getRequestHeaders().getFirst("Authorization");
              if (ex.getRequestURI().getPath().equals("/token")) {
                if (requireBasic && !BASIC.equals(auth)) {
                  send(
                      ex,
                      401,
                      "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad login\"}]}");
                  return;
                }
                send(
                    ex,
                    200,
                    "{\"token\":\"t" + issued.incrementAndGet() + "\",\"expires_in\":300}");
              } else if (("Bearer t" + issued.get()).equals(auth)) {
                send(ex, 200, "", "Docker-Content-Digest", DIGEST);
              } else {
                send(
                    ex,
                    401,
                    "",
                    "WWW-Authenticate",
                    "Bearer realm=\""
                        + realm.get()
                        + "\",service=\"test registry\",scope=\"repository:team/app:pull\"");
              }
            });
    realm.set("http://" + server.registry() + "/token");
    return server;
  }

  @Test
  void bearerChallengeFetchesATokenWithBasicCredentialsAndCachesIt() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    try (TestServer server = bearerRegistry(issued, true)) {
      RegistryRepository repo = repo(server, Credentials.explicit("alice:" + PASSWORD));
      assertEquals(Optional.of(Digest.parse(DIGEST)), repo.resolve("v1"));
      assertEquals(Optional.of(Digest.parse(DIGEST)), repo.resolve("v2"));
      assertEquals(
          List.of(
              "HEAD /v2/team/app/manifests/v1",
              "GET /token?service=test+registry&scope=repository%3Ateam%2Fapp%3Apull",
              "HEAD /v2/team/app/manifests/v1",
              "HEAD /v2/team/app/manifests/v2"),
          server.lines());
      assertEquals(BASIC, server.seen.get(1).authorization());
      assertEquals("Bearer t1", server.seen.get(3).authorization());
    }
  }

  @Test
  void anonymousTokenWhenThereAreNoCredentials() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    try (TestServer server = bearerRegistry(issued, false)) {
      assertEquals(
          Optional.of(Digest.parse(DIGEST)), repo(server, Credentials.none()).resolve("v1"));
      assertEquals(3, server.seen.size());
      assertNull(server.seen.get(1).authorization());
    }
  }

  @Test
  void expiredTokenIsRenewedOnce() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    try (TestServer server = bearerRegistry(issued, true)) {
      RegistryRepository repo = repo(server, Credentials.explicit("alice:" + PASSWORD));
      assertEquals(Optional.of(Digest.parse(DIGEST)), repo.resolve("v1"));
      issued.incrementAndGet(); // the registry stops accepting t1, as when a token expires mid-push
      assertEquals(Optional.of(Digest.parse(DIGEST)), repo.resolve("v2"));
      assertEquals(
          List.of(
              "HEAD /v2/team/app/manifests/v1",
              "GET /token?service=test+registry&scope=repository%3Ateam%2Fapp%3Apull",
              "HEAD /v2/team/app/manifests/v1",
              "HEAD /v2/team/app/manifests/v2",
              "GET /token?service=test+registry&scope=repository%3Ateam%2Fapp%3Apull",
              "HEAD /v2/team/app/manifests/v2"),
          server.lines());
      assertEquals("Bearer t1", server.seen.get(3).authorization());
      assertEquals("Bearer t3", server.seen.get(5).authorization());
    }
  }

  @Test
  void rejectedTokenLoginSaysSoWithoutThePassword() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    try (TestServer server = bearerRegistry(issued, true)) {
      RegistryException e =
          assertThrows(
              RegistryException.class,
              () -> repo(server, Credentials.explicit("alice:wrong-" + PASSWORD)).resolve("v1"));
      assertEquals(
          "registry "
              + server.registry()
              + ": GET /token: token request for repository:team/app:pull: "
              + "401 UNAUTHORIZED: bad login; the credentials for "
              + server.registry()
              + " were rejected",
          e.getMessage());
      assertEquals(2, server.seen.size());
    }
  }

  @Test
  void basicChallengeWithoutCredentialsFailsClearly() throws Exception {
    try (TestServer server =
        new TestServer(
            (ex, n) ->
                send(
                    ex,
                    401,
                    "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}",
                    "WWW-Authenticate",
                    "Basic realm=\"test\""))) {
      RegistryException e =
          assertThrows(
              RegistryException.class, () -> repo(server, Credentials.none()).fetchManifest("v1"));
      assertEquals(
          "registry "
              + server.registry()
              + ": GET /v2/team/app/manifests/v1: manifest "
              + server.registry()
              + "/team/app:v1: 401 UNAUTHORIZED: authentication required; no credentials for "
              + server.registry()
              + " (use --creds, docker login, or GITHUB_TOKEN for ghcr.io)",
          e.getMessage());
      assertEquals(1, server.seen.size());
    }
  }

  @Test
  void basicChallengeWithWrongPasswordTriesOnceAndHidesThePassword() throws Exception {
    try (TestServer server =
        new TestServer((ex, n) -> send(ex, 401, "", "WWW-Authenticate", "Basic realm=\"t\""))) {
      Credentials creds = Credentials.explicit("alice:" + PASSWORD);
      RegistryException e =
          assertThrows(RegistryException.class, () -> repo(server, creds).resolve("v1"));
      assertEquals(
          "registry "
              + server.registry()
              + ": HEAD /v2/team/app/manifests/v1: 401; the credentials for "
              + server.registry()
              + " were rejected",
          e.getMessage());
      assertEquals(
          java.util.Arrays.asList(null, BASIC),
          server.seen.stream().map(TestServer.Seen::authorization).toList());
      assertFalse(e.getMessage().contains(PASSWORD));
      assertEquals("Basic[username=alice, password=***]", creds.find("x").orElseThrow().toString());
    }
  }

  @Test
  void redirectToAnotherHostDropsAuthorization() throws Exception {
    byte[] content = "blob-content".getBytes(StandardCharsets.UTF_8);
    Descriptor blob = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, content);
    try (TestServer storage = new TestServer((ex, n) -> TestServer.sendBytes(ex, 200, content));
        TestServer server =
            new TestServer(
                (ex, n) -> {
                  String auth = ex.getRequestHeaders().getFirst("Authorization");
                  String path = ex.getRequestURI().getPath();
                  if (!BASIC.equals(auth)) {
                    send(ex, 401, "", "WWW-Authenticate", "Basic realm=\"t\"");
                  } else if (path.endsWith("/moved")) {
                    send(
                        ex,
                        307,
                        "",
                        "Location",
                        "http://localhost:" + storage.port() + "/data?sig=x");
                  } else {
                    send(ex, 307, "", "Location", "/v2/team/app/moved");
                  }
                })) {
      try (var in = repo(server, Credentials.explicit("alice:" + PASSWORD)).fetchBlob(blob)) {
        assertEquals("blob-content", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      assertEquals(
          List.of(
              "GET /v2/team/app/blobs/" + blob.digest(),
              "GET /v2/team/app/blobs/" + blob.digest(),
              "GET /v2/team/app/moved"),
          server.lines());
      assertEquals(BASIC, server.seen.get(2).authorization()); // same origin: kept
      assertEquals(List.of("GET /data?sig=x"), storage.lines());
      assertNull(storage.seen.get(0).authorization());
    }
  }

  @Test
  void challengeFromARedirectTargetIsNotAnswered() throws Exception {
    Descriptor blob =
        Descriptor.of(MediaTypes.OCI_LAYER_GZIP, "x".getBytes(StandardCharsets.UTF_8));
    try (TestServer elsewhere =
            new TestServer((ex, n) -> send(ex, 401, "", "WWW-Authenticate", "Basic realm=\"e\""));
        TestServer server =
            new TestServer(
                (ex, n) ->
                    send(
                        ex,
                        307,
                        "",
                        "Location",
                        "http://localhost:" + elsewhere.port() + "/data"))) {
      RegistryException e =
          assertThrows(
              RegistryException.class,
              () -> repo(server, Credentials.explicit("alice:" + PASSWORD)).fetchBlob(blob));
      assertEquals(401, e.status());
      assertEquals(List.of("GET /data"), elsewhere.lines());
      assertNull(elsewhere.seen.get(0).authorization());
      assertEquals(1, server.seen.size());
    }
  }
}
