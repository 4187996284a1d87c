package dev.hoist.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Against the CNCF distribution registries that scripts/test.sh starts. */
@Tag("integration")
@Timeout(120)
class RegistryIntegrationTest {
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

  private RegistryClient client(Credentials credentials) {
    return RegistryClient.builder()
        .insecure(true)
        .credentials(credentials)
        .observer(
            r -> requests.computeIfAbsent(r.method(), m -> new AtomicInteger()).incrementAndGet())
        .build();
  }

  private int count(String method) {
    return requests.getOrDefault(method, new AtomicInteger()).get();
  }

  private static String uniqueRepo(String prefix) {
    return "hoist-it/" + prefix + "-" + Long.toString(System.nanoTime(), 36);
  }

  @Test
  void pushesResolvesFetchesAndListsAndSkopeoAgrees() throws Exception {
    String registry = RealParts.registry();
    String name = registry + "/" + uniqueRepo("push");
    RegistryRepository repo = client(Credentials.none()).repository(name);
    TinyImage image = TinyImage.create("hello from hoist");

    assertEquals(image.digest(), image.pushTo(repo, "v1", "v2"));
    assertEquals(2, count("POST"));
    assertEquals(4, count("PUT")); // two blob PUTs, then the manifest once per tag

    requests.clear();
    assertEquals(image.digest(), image.pushTo(repo, "v1", "v2"));
    assertEquals(0, count("POST"));

    assertEquals(Optional.of(image.digest()), repo.resolve("v1"));
    assertEquals(Optional.of(image.digest()), repo.resolve("v2"));
    assertEquals(Optional.empty(), repo.resolve("v3"));
    Repository.Manifest fetched = repo.fetchManifest("v2");
    assertArrayEquals(image.manifest(), fetched.content());
    assertEquals(MediaTypes.OCI_MANIFEST, fetched.mediaType());
    assertEquals(image.digest(), fetched.digest());
    assertArrayEquals(image.manifest(), repo.fetchManifest(image.digest().toString()).content());
    try (InputStream in = repo.fetchBlob(image.layerDescriptor())) {
      assertArrayEquals(image.layer(), in.readAllBytes());
    }
    assertEquals(List.of("v1", "v2"), repo.listTags());
    assertEquals(
        List.of(),
        client(Credentials.none()).repository(registry + "/hoist-it/never-pushed").listTags());

    String raw =
        Processes.run(
                null,
                List.of(
                    RealParts.tool("skopeo").toString(),
                    "inspect",
                    "--tls-verify=false",
                    "--raw",
                    "docker://" + name + ":v1"),
                60)
            .requireSuccess()
            .stdout();
    assertEquals(new String(image.manifest(), StandardCharsets.UTF_8), raw);
  }

  @Test
  void authRegistryWithBasicCredentials() throws Exception {
    String registry = RealParts.authRegistry();
    String user = System.getenv("HOIST_TEST_AUTH_USER");
    String password = System.getenv("HOIST_TEST_AUTH_PASSWORD");
    String name = registry + "/" + uniqueRepo("auth");
    RegistryRepository repo = client(Credentials.explicit(user + ":" + password)).repository(name);
    TinyImage image = TinyImage.create("authenticated");
    assertEquals(image.digest(), image.pushTo(repo, "v1"));
    assertEquals(Optional.of(image.digest()), repo.resolve("v1"));
    assertEquals(List.of("v1"), repo.listTags());
  }

  @Test
  void authRegistryWithoutOrWithWrongCredentialsFailsClearly() throws Exception {
    String registry = RealParts.authRegistry();
    String password = System.getenv("HOIST_TEST_AUTH_PASSWORD");
    String repoPath = uniqueRepo("denied");
    TinyImage image = TinyImage.create("denied");
    String head =
        "registry "
            + registry
            + ": HEAD /v2/"
            + repoPath
            + "/blobs/"
            + image.configDescriptor().digest();

    RegistryException anonymous =
        assertThrows(
            RegistryException.class,
            () ->
                image.pushTo(
                    client(Credentials.none()).repository(registry + "/" + repoPath), "v1"));
    assertEquals(
        head
            + ": 401; no credentials for "
            + registry
            + " (use --creds, docker login, or GITHUB_TOKEN for ghcr.io)",
        anonymous.getMessage());

    RegistryException wrong =
        assertThrows(
            RegistryException.class,
            () ->
                image.pushTo(
                    client(Credentials.explicit("hoist-user:not-" + password))
                        .repository(registry + "/" + repoPath),
                    "v1"));
    assertEquals(
        head + ": 401; the credentials for " + registry + " were rejected", wrong.getMessage());
    assertFalse(wrong.getMessage().contains(password));
    assertEquals(401, wrong.status());
  }
}
