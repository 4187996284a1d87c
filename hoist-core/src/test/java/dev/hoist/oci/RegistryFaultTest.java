package dev.hoist.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.artifact.ArtifactExtractor;
import dev.hoist.artifact.Artifacts;
import dev.hoist.artifact.PushRequest;
import dev.hoist.testing.FaultProxy;
import dev.hoist.testing.FaultProxy.Kind;
import dev.hoist.testing.RealParts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The registry client behind a fault-injecting proxy in front of the real test registry. */
@Tag("integration")
@Timeout(60)
class RegistryFaultTest {
  private static final String BLOB_UPLOAD = "^/v2/.*/blobs/uploads/";
  private static final String MANIFEST = "^/v2/.*/manifests/";
  @TempDir Path dir;
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<String> log = new ArrayList<>();
  private FaultProxy proxy;
  private String name;

  @BeforeEach
  void start() throws IOException {
    proxy = new FaultProxy(RealParts.registry());
    name = proxy.registry() + "/hoist-fault/t" + Long.toString(System.nanoTime(), 36);
  }

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
  }

  private RegistryRepository repo(Duration timeout) {
    return TestServer.client(sleeps)
        .requestTimeout(timeout)
        .answerTimeout(timeout)
        .log(log::add)
        .build()
        .repository(name);
  }

  private RegistryRepository repo() {
    return repo(Duration.ofSeconds(10));
  }

  @Test
  void statusWithRetryAfterIsRetriedAfterTheAskedWait() throws IOException {
    proxy.inject("PUT", MANIFEST, Kind.STATUS, 503, "2", 2);
    TinyImage image = TinyImage.create("retry-after");
    assertEquals(image.digest(), image.pushTo(repo(), "v1"));
    assertEquals(3, proxy.count("^PUT /v2/.*/manifests/v1$"));
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeps);
    assertEquals(Optional.of(image.digest()), repo().resolve("v1"));
  }

  @Test
  void retryAfterBeyondSixtySecondsFailsAtOnceSayingWhen() throws IOException {
    proxy.inject("HEAD", "/blobs/", Kind.STATUS, 429, "120", 1);
    RegistryException e =
        assertThrows(RegistryException.class, () -> TinyImage.create("x").pushTo(repo(), "v1"));
    assertTrue(e.getMessage().contains("retry in"), e.getMessage());
    assertEquals(1, proxy.count("^HEAD "));
    assertEquals(List.of(), sleeps);
  }

  @Test
  void givesUpAfterFiveAttempts() throws IOException {
    proxy.inject("HEAD", "/blobs/", Kind.STATUS, 500, null, 100);
    IOException e =
        assertThrows(IOException.class, () -> TinyImage.create("x").pushTo(repo(), "v1"));
    assertTrue(e.getMessage().contains("500"), e.getMessage());
    assertEquals(5, proxy.count("^HEAD "));
    assertEquals(0, proxy.count("^POST "));
  }

  @Test
  void notFoundIsNotRetried() throws IOException {
    proxy.inject("GET", MANIFEST, Kind.STATUS, 403, null, 10);
    assertThrows(RegistryException.class, () -> repo().fetchManifest("v1"));
    assertEquals(1, proxy.count("^GET "));
  }

  @Test
  void connectionResetBeforeForwardingIsRetried() throws IOException {
    proxy.inject("POST", BLOB_UPLOAD, Kind.RESET_BEFORE, 0, null, 2);
    TinyImage image = TinyImage.create("reset-before");
    assertEquals(image.digest(), image.pushTo(repo(), "v1"));
    assertEquals(4, proxy.count("^POST ")); // two blobs, the first one's POST twice more
    assertEquals(2, log.size(), log.toString());
  }

  @Test
  void resetAfterTheRegistryTookTheUploadEndsInTheBlobBeingThere() throws IOException {
    proxy.inject("PUT", BLOB_UPLOAD, Kind.RESET_AFTER, 0, null, 1);
    TinyImage image = TinyImage.create("reset-after");
    RegistryRepository repo = repo();
    assertEquals(image.digest(), image.pushTo(repo, "v1"));
    assertTrue(repo.hasBlob(image.layerDescriptor().digest()));
    assertEquals(2, proxy.count("^POST ")); // no second upload: a HEAD found the blob
    proxy.reset();
    assertEquals(image.digest(), image.pushTo(repo, "v1"));
    assertEquals(0, proxy.count("^POST ")); // unchanged re-push: zero uploads
    assertEquals(0, proxy.count("^PUT /v2/.*/blobs/"));
  }

  @Test
  void resetAfterAManifestPutIsRetriedHarmlessly() throws IOException {
    proxy.inject("PUT", MANIFEST, Kind.RESET_AFTER, 0, null, 1);
    TinyImage image = TinyImage.create("manifest-reset");
    assertEquals(image.digest(), image.pushTo(repo(), "v1"));
    assertEquals(2, proxy.count("^PUT /v2/.*/manifests/v1$"));
  }

  @Test
  void aCorruptTagDigestAfterPushIsCaught() throws IOException {
    proxy.inject("HEAD", MANIFEST, Kind.CORRUPT_DIGEST, 0, null, 1);
    TinyImage image = TinyImage.create("corrupt-digest");
    IOException e = assertThrows(IOException.class, () -> image.pushTo(repo(), "v1"));
    assertTrue(e.getMessage().contains("the tag names"), e.getMessage());
  }

  @Test
  void aCorruptManifestOrBlobIsRefused() throws IOException {
    TinyImage image = TinyImage.create("corrupt-body");
    RegistryRepository repo = repo();
    image.pushTo(repo, "v1");
    proxy.inject("GET", MANIFEST, Kind.CORRUPT_BODY, 0, null, 1);
    IOException m = assertThrows(IOException.class, () -> repo.fetchManifest("v1"));
    assertTrue(m.getMessage().contains("digest"), m.getMessage());
    proxy.inject("GET", MANIFEST, Kind.CORRUPT_DIGEST, 0, null, 1);
    assertThrows(IOException.class, () -> repo.fetchManifest("v1"));
    proxy.inject("GET", "/blobs/", Kind.CORRUPT_BODY, 0, null, 1);
    IOException b =
        assertThrows(
            IOException.class,
            () -> {
              try (InputStream in = repo.fetchBlob(image.layerDescriptor())) {
                in.readAllBytes();
              }
            });
    assertTrue(
        b.getMessage().contains(image.layerDescriptor().digest().toString()), b.getMessage());
  }

  @Test
  void aSlowAnswerTimesOutAndIsRetried() throws IOException {
    TinyImage image = TinyImage.create("slow");
    image.pushTo(repo(), "v1");
    proxy.reset();
    proxy.inject("HEAD", MANIFEST, Kind.DELAY, 0, "1500", 1);
    assertEquals(Optional.of(image.digest()), repo(Duration.ofMillis(500)).resolve("v1"));
    assertEquals(2, proxy.count("^HEAD "));
  }

  @Test
  void aLayerThatArrivesCorruptOnEveryAttemptLeavesNoFilesAndSaysHowFarItGot() throws IOException {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("a.yaml"), "a: 1\n");
    RegistryClient client = TestServer.client(sleeps).build();
    Artifacts artifacts =
        new Artifacts(
            client::repository, m -> {}, Clock.systemUTC(), ArtifactExtractor.Limits.DEFAULT);
    String url = "oci://" + name + ":1.0.0";
    artifacts.push(new PushRequest(url, tree, "s", "r", Map.of(), true, null, false, List.of()));
    proxy.reset();
    proxy.inject("GET", "/blobs/sha256:", Kind.CORRUPT_BODY, 0, null, 3);
    Path out = dir.resolve("pulled");
    IOException e = assertThrows(IOException.class, () -> artifacts.pull(url, out));
    assertTrue(
        e.getMessage().contains("bytes arrived before the transfer failed (3 attempts)"),
        e.getMessage());
    assertTrue(e instanceof RegistryException, e.toString());
    assertFalse(Files.exists(out));
    try (var list = Files.list(dir)) {
      assertEquals(List.of("tree"), list.map(p -> p.getFileName().toString()).toList());
    }
    artifacts.pull(url, out);
    assertEquals("a: 1\n", Files.readString(out.resolve("a.yaml")));
    assertEquals(
        "rwxr-xr-x",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
  }

  @Test
  void aLayerThatArrivesCorruptOnceIsFetchedAgain() throws IOException {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("a.yaml"), "a: 1\n");
    RegistryClient client = TestServer.client(sleeps).build();
    Artifacts artifacts =
        new Artifacts(
            client::repository, m -> {}, Clock.systemUTC(), ArtifactExtractor.Limits.DEFAULT);
    String url = "oci://" + name + ":1.0.0";
    artifacts.push(new PushRequest(url, tree, "s", "r", Map.of(), true, null, false, List.of()));
    proxy.reset();
    proxy.inject("GET", "/blobs/sha256:", Kind.CORRUPT_BODY, 0, null, 1);
    Path out = dir.resolve("pulled");
    artifacts.pull(url, out);
    assertEquals("a: 1\n", Files.readString(out.resolve("a.yaml")));
    assertEquals(2, proxy.count("^GET /v2/.*/blobs/sha256:"), proxy.log.toString());
  }

  @Test
  void artifactTagReputsTheManifestWithoutBlobTrafficAndAnUnchangedPushUploadsNothing()
      throws IOException {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("a.yaml"), "a: 1\n");
    RegistryClient client = TestServer.client(sleeps).build();
    Artifacts artifacts =
        new Artifacts(
            client::repository, m -> {}, Clock.systemUTC(), ArtifactExtractor.Limits.DEFAULT);
    String url = "oci://" + name + ":1.0.0";
    PushRequest request =
        new PushRequest(url, tree, "s", "r", Map.of(), true, null, false, List.of());
    String digest = artifacts.push(request).digest();
    assertEquals(2, proxy.count("^POST "));
    proxy.reset();
    assertTrue(artifacts.push(request).publication().unchanged());
    assertEquals(
        List.of("HEAD /v2/" + name.substring(name.indexOf('/') + 1) + "/manifests/1.0.0"),
        proxy.log);
    proxy.reset();
    artifacts.tag(url, List.of("1.0.1", "stable"), false);
    assertEquals(0, proxy.count("/blobs/"));
    assertEquals(1, proxy.count("^GET /v2/.*/manifests/1.0.0$"));
    assertEquals(2, proxy.count("^PUT /v2/.*/manifests/"));
    assertEquals(digest, repo().resolve("stable").orElseThrow().toString());
  }

  @Test
  void aFreshPushSendsTenRequestsAndTheSameContentInAnotherRepositoryIsMountedNotUploaded()
      throws IOException {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("a.yaml"), "a: " + name + "\n");
    RegistryClient client = TestServer.client(sleeps).build();
    Artifacts artifacts =
        new Artifacts(
            client::repository, m -> {}, Clock.systemUTC(), ArtifactExtractor.Limits.DEFAULT);
    artifacts.push(
        new PushRequest(
            "oci://" + name + ":1.0.0", tree, "s", "r", Map.of(), true, null, false, List.of()));
    assertEquals(
        2, proxy.count("^HEAD /v2/.*/manifests/1.0.0$"), proxy.log.toString()); // tag check, verify
    assertEquals(2, proxy.count("^HEAD /v2/.*/blobs/sha256:"), proxy.log.toString());
    assertEquals(2, proxy.count("^POST /v2/.*/blobs/uploads/$"), proxy.log.toString());
    assertEquals(2, proxy.count("^PUT /v2/.*/blobs/uploads/"), proxy.log.toString());
    assertEquals(1, proxy.count("^PUT /v2/.*/manifests/1.0.0$"), proxy.log.toString());
    // v1.0.0 is the same version: a new version tag checks that spelling too
    assertEquals(1, proxy.count("^HEAD /v2/.*/manifests/v1.0.0$"), proxy.log.toString());
    assertEquals(10, proxy.log.size(), proxy.log.toString());
    proxy.reset();
    artifacts.push(
        new PushRequest(
            "oci://" + name + "-copy:1.0.0",
            tree,
            "s",
            "r",
            Map.of(),
            true,
            null,
            false,
            List.of()));
    assertEquals(
        2, proxy.count("^POST /v2/.*-copy/blobs/uploads/$"), proxy.log.toString()); // two mounts
    assertEquals(0, proxy.count("^PUT /v2/.*/blobs/"), proxy.log.toString());
    assertEquals(8, proxy.log.size(), proxy.log.toString());
    assertTrue(
        client
            .repository(name + "-copy")
            .hasBlob(Digest.sha256("{}".getBytes(StandardCharsets.UTF_8))));
  }
}
