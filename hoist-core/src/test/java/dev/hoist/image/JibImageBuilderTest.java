package dev.hoist.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.testing.InMemoryRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class JibImageBuilderTest {
  @TempDir Path dir;

  private final List<String> progress = new ArrayList<>();

  private JibImageBuilder builder(String cache) {
    return new JibImageBuilder(dir.resolve(cache), progress::add);
  }

  private BuiltImage build(JvmApp app, InMemoryRepository repo, List<String> tags)
      throws Exception {
    return builder("cache")
        .build(app, Fixture.request(BaseImage.scratch(), tags), ImageTarget.layout(repo));
  }

  @Test
  void layersHoldReleaseDependenciesThenSnapshotsThenTheAppJar() throws Exception {
    Fixture f = new Fixture(dir);
    InMemoryRepository repo = new InMemoryRepository("mem");
    BuiltImage image = build(f.app(), repo, List.of("v1"));

    List<Digest> layers = Fixture.layerDigests(repo, image.digest());
    assertEquals(3, layers.size());
    long releaseSize = Files.size(f.releaseJar);
    long snapshotSize = Files.size(f.snapshotJar);
    long appSize = Files.size(f.appJar);
    assertEquals(
        List.of(
            "app/ 5 40755 0:0 1 0",
            "app/libs/ 5 40755 0:0 1 0",
            "app/libs/lib-a-1.0.jar 0 100644 0:0 1 " + releaseSize),
        LayerEntries.summaries(repo.blob(layers.get(0))));
    assertEquals(
        List.of(
            "app/ 5 40755 0:0 1 0",
            "app/libs/ 5 40755 0:0 1 0",
            "app/libs/lib-b-2.0-SNAPSHOT.jar 0 100644 0:0 1 " + snapshotSize),
        LayerEntries.summaries(repo.blob(layers.get(1))));
    assertEquals(
        List.of("app/ 5 40755 0:0 1 0", "app/app.jar 0 100644 0:0 1 " + appSize),
        LayerEntries.summaries(repo.blob(layers.get(2))));
    assertArrayEquals(
        Files.readAllBytes(f.appJar), LayerEntries.read(repo.blob(layers.get(2))).get(1).content());
    assertArrayEquals(
        Files.readAllBytes(f.releaseJar),
        LayerEntries.read(repo.blob(layers.get(0))).get(2).content());
  }

  @Test
  void configRecordsEntrypointEnvPortsLabelsCreatedAndHistory() throws Exception {
    Fixture f = new Fixture(dir);
    InMemoryRepository repo = new InMemoryRepository("mem");
    BuiltImage image = build(f.app(), repo, List.of("v1"));

    JsonNode config = Fixture.config(repo, image.digest());
    assertEquals("2026-03-04T05:06:07Z", config.path("created").asText());
    assertEquals("amd64", config.path("architecture").asText());
    assertEquals("linux", config.path("os").asText());
    assertEquals(
        Fixture.JSON.readTree(
            """
        {"Env": ["APP_HOME=/app", "MODE=prod"],
         "Entrypoint": ["java", "-Xmx64m", "-cp", "/app/app.jar:/app/libs/*", "dev.demo.Main"],
         "ExposedPorts": {"8080/tcp": {}, "8443/tcp": {}},
         "Labels": {
           "org.opencontainers.image.created": "2026-03-04T05:06:07Z",
           "org.opencontainers.image.source": "https://git.example/demo.git",
           "org.opencontainers.image.revision": "0123456789abcdef0123456789abcdef01234567",
           "org.opencontainers.image.version": "1.2.3",
           "team": "platform"},
         "WorkingDir": "/app",
         "User": "1000:1000",
         "Volumes": {}}
        """),
        config.path("config"));
    assertEquals(
        Fixture.JSON.readTree(
            """
        [{"created": "2026-03-04T05:06:07Z", "author": "Jib", "created_by": "hoist:0.1.0",
          "comment": "dependencies"},
         {"created": "2026-03-04T05:06:07Z", "author": "Jib", "created_by": "hoist:0.1.0",
          "comment": "snapshot dependencies"},
         {"created": "2026-03-04T05:06:07Z", "author": "Jib", "created_by": "hoist:0.1.0",
          "comment": "application"}]
        """),
        config.path("history"));
    assertEquals(3, config.path("rootfs").path("diff_ids").size());
    assertEquals(
        List.of(
            "Container entrypoint set to [java, -Xmx64m, -cp, /app/app.jar:/app/libs/*, dev.demo.Main]"),
        progress.stream().filter(line -> !line.startsWith("stored blob ")).toList());
    assertEquals(
        4,
        progress.stream().filter(line -> line.startsWith("stored blob sha256:")).count(),
        "config and three layers reported once each: " + progress);
  }

  @Test
  void manifestIsImportedAfterItsBlobsUnderEveryTag() throws Exception {
    Fixture f = new Fixture(dir);
    InMemoryRepository repo = new InMemoryRepository("layout:/tmp/demo");
    BuiltImage image = build(f.app(), repo, List.of("v1", "latest"));

    List<String> layers =
        Fixture.layerDigests(repo, image.digest()).stream().map(Digest::shortHex).toList();
    String config = Fixture.manifest(repo, image.digest()).path("config").path("digest").asText();
    assertEquals(
        List.of(
            "blob " + MediaTypes.OCI_CONFIG + " " + Digest.parse(config).shortHex(),
            "blob " + MediaTypes.OCI_LAYER_GZIP + " " + layers.get(0),
            "blob " + MediaTypes.OCI_LAYER_GZIP + " " + layers.get(1),
            "blob " + MediaTypes.OCI_LAYER_GZIP + " " + layers.get(2),
            "manifest " + MediaTypes.OCI_MANIFEST + " [v1, latest]"),
        repo.calls);
    assertEquals(Optional.of(image.digest()), repo.resolve("v1"));
    assertEquals(Optional.of(image.digest()), repo.resolve("latest"));
    assertEquals(image.digest(), Digest.sha256(repo.fetchManifest("v1").content()));
    assertEquals(
        new BuiltImage("demo", "layout:/tmp/demo", image.digest(), List.of("v1", "latest")), image);
    assertEquals("layout:/tmp/demo@" + image.digest(), image.ref());
  }

  @Test
  void sameInputsGiveTheSameDigestInFreshRepositoriesAndCaches() throws Exception {
    Fixture f = new Fixture(dir);
    InMemoryRepository first = new InMemoryRepository("one");
    InMemoryRepository second = new InMemoryRepository("two");
    InMemoryRepository third = new InMemoryRepository("three");
    ImageRequest request = Fixture.request(BaseImage.scratch(), List.of("v1"));
    BuiltImage a = builder("cache-a").build(f.app(), request, ImageTarget.layout(first));
    BuiltImage b = builder("cache-a").build(f.app(), request, ImageTarget.layout(second));
    BuiltImage c = builder("cache-b").build(f.app(), request, ImageTarget.layout(third));

    assertEquals(a.digest(), b.digest());
    assertEquals(a.digest(), c.digest());
    assertArrayEquals(first.fetchManifest("v1").content(), third.fetchManifest("v1").content());
  }

  @Test
  void changedAppJarChangesOnlyTheAppLayerEvenWithTheSameModificationTime() throws Exception {
    Fixture f = new Fixture(dir);
    InMemoryRepository before = new InMemoryRepository("before");
    InMemoryRepository after = new InMemoryRepository("after");
    BuiltImage v1 = build(f.app(), before, List.of("v1"));
    FileTime mtime = Files.getLastModifiedTime(f.appJar);
    TestJars.write(f.appJar, "dev.demo.Main", "app v2");
    Files.setLastModifiedTime(f.appJar, mtime);
    BuiltImage v2 = build(f.app(), after, List.of("v2"));

    assertNotEquals(v1.digest(), v2.digest());
    List<Digest> layers1 = Fixture.layerDigests(before, v1.digest());
    List<Digest> layers2 = Fixture.layerDigests(after, v2.digest());
    assertEquals(layers1.subList(0, 2), layers2.subList(0, 2));
    assertNotEquals(layers1.get(2), layers2.get(2));
    assertArrayEquals(
        Files.readAllBytes(f.appJar),
        LayerEntries.read(after.blob(layers2.get(2))).get(1).content());
  }

  @Test
  void jarWithoutDependenciesIsOneLayerAndTheBuildLeavesNoScratchFilesOrThreads() throws Exception {
    Fixture f = new Fixture(dir);
    InMemoryRepository repo = new InMemoryRepository("mem");
    BuiltImage image = build(JvmApp.of("solo", f.appJar, List.of()), repo, List.of());

    assertEquals(1, Fixture.layerDigests(repo, image.digest()).size());
    assertEquals(List.of(), repo.listTags());
    assertEquals(
        Fixture.JSON.readTree(
            """
        ["java", "-cp", "/app/app.jar:/app/libs/*", "dev.demo.Main"]"""),
        Fixture.config(repo, image.digest()).path("config").path("Entrypoint"));
    try (Stream<Path> left = Files.list(dir.resolve("cache"))) {
      assertEquals(List.of("base-layers"), left.map(p -> p.getFileName().toString()).toList());
    }
    assertEquals(
        List.of(),
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("hoist-jib-") && t.isAlive())
            .map(Thread::getName)
            .toList());
  }

  @Test
  void scratchBuildNeverTouchesTheNetworkEvenWithABrokenProxy() throws Exception {
    Fixture f = new Fixture(dir);
    String[] keys = {"http.proxyHost", "http.proxyPort", "https.proxyHost", "https.proxyPort"};
    String[] saved = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      saved[i] = System.getProperty(keys[i]);
    }
    System.setProperty("http.proxyHost", "192.0.2.1");
    System.setProperty("http.proxyPort", "9");
    System.setProperty("https.proxyHost", "192.0.2.1");
    System.setProperty("https.proxyPort", "9");
    try {
      InMemoryRepository repo = new InMemoryRepository("mem");
      BuiltImage image = build(f.app(), repo, List.of("v1"));
      assertEquals(Optional.of(image.digest()), repo.resolve("v1"));
    } finally {
      for (int i = 0; i < keys.length; i++) {
        if (saved[i] == null) {
          System.clearProperty(keys[i]);
        } else {
          System.setProperty(keys[i], saved[i]);
        }
      }
    }
  }
}
