package dev.hoist.oci;

import static dev.hoist.oci.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RegistryClientTest {
  @Test
  void plainHttpOnlyWhenAllowed() {
    RegistryClient secure = RegistryClient.builder().build();
    assertEquals(URI.create("https://127.0.0.1:5000"), secure.base("127.0.0.1:5000"));
    assertEquals(URI.create("https://registry-1.docker.io"), secure.base("docker.io"));
    RegistryClient insecure =
        RegistryClient.builder().insecure(true).insecureRegistry("Reg.Local:5000").build();
    assertEquals(URI.create("http://127.0.0.1:5000"), insecure.base("127.0.0.1:5000"));
    assertEquals(URI.create("http://localhost:5000"), insecure.base("localhost:5000"));
    assertEquals(URI.create("http://reg.local:5000"), insecure.base("reg.local:5000"));
    assertEquals(URI.create("https://reg.local:5001"), insecure.base("reg.local:5001"));
    assertEquals(URI.create("https://ghcr.io"), insecure.base("ghcr.io"));
  }

  @Test
  void repositoryNames() {
    RegistryClient client = RegistryClient.builder().build();
    assertEquals("ghcr.io/acme/app", client.repository("oci://ghcr.io/acme/app:1.0").name());
    assertEquals("docker.io/library/nginx", client.repository(Reference.parse("nginx")).name());
  }

  @Test
  void rejectsReferencesThatAreNeitherTagNorDigest() {
    RegistryRepository repo = RegistryClient.builder().build().repository("127.0.0.1:1/a");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> repo.resolve("../x"));
    assertEquals("invalid tag '../x'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> repo.fetchManifest("sha256:zz"));
  }

  @Test
  void uploadLocationOnAnotherOriginGetsNoCredentials() throws Exception {
    String basic =
        "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8));
    byte[] content = "x".getBytes(StandardCharsets.UTF_8);
    Descriptor blob = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, content);
    List<Duration> sleeps = new ArrayList<>();
    try (TestServer storage = new TestServer((ex, n) -> send(ex, 201, ""));
        TestServer server =
            new TestServer(
                (ex, n) -> {
                  if (!basic.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                    send(ex, 401, "", "WWW-Authenticate", "Basic realm=\"r\"");
                  } else if (ex.getRequestMethod().equals("HEAD")) {
                    send(ex, storage.lines().isEmpty() ? 404 : 200, "");
                  } else {
                    send(
                        ex, 202, "", "Location", "http://localhost:" + storage.port() + "/up?id=1");
                  }
                })) {
      TestServer.client(sleeps)
          .credentials(Credentials.explicit("u:p"))
          .privateUploadLocations(true)
          .build()
          .repository(server.registry() + "/a")
          .pushBlob(blob, content);
      assertEquals(
          List.of(
              "HEAD /v2/a/blobs/" + blob.digest(),
              "HEAD /v2/a/blobs/" + blob.digest(),
              "POST /v2/a/blobs/uploads/?digest=sha256%3A" + blob.digest().hex(),
              "HEAD /v2/a/blobs/" + blob.digest()),
          server.lines());
      assertEquals(List.of("PUT /up?id=1&digest=sha256%3A" + blob.digest().hex()), storage.lines());
      assertNull(storage.seen.get(0).authorization());
    }
  }

  @Test
  void callsNeverPrintCredentials() {
    Transport.Call call =
        new Transport.Call(
            "ghcr.io",
            "GET",
            URI.create("https://ghcr.io/v2/a/tags/list"),
            java.util.Map.of(),
            null,
            null,
            "Bearer s3cret");
    assertEquals("registry ghcr.io: GET /v2/a/tags/list (with credentials)", call.toString());
  }
}
