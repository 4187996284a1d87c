package dev.hoist.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import dev.hoist.oci.Digest;
import dev.hoist.tar.TarReader;
import dev.hoist.testing.InMemoryRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Inputs the builder rejects, entrypoint choices, and a docker-tar base. */
@Timeout(120)
class JibImageBuilderInputsTest {
  @TempDir Path dir;

  private BuiltImage build(JvmApp app, BaseImage base, InMemoryRepository repo) throws IOException {
    return new JibImageBuilder(dir.resolve("cache"), line -> {})
        .build(app, Fixture.request(base, List.of("v1")), ImageTarget.layout(repo));
  }

  @Test
  void missingAppJarIsNamed() throws Exception {
    Path jar = dir.resolve("nope/app.jar");
    NoSuchFileException e =
        assertThrows(
            NoSuchFileException.class,
            () ->
                build(
                    JvmApp.of("demo", jar, List.of()),
                    BaseImage.scratch(),
                    new InMemoryRepository("m")));
    assertEquals(jar + ": application jar not found", e.getMessage());
  }

  @Test
  void missingDependencyIsNamed() throws Exception {
    Fixture f = new Fixture(dir);
    Path missing = dir.resolve("m2/gone-1.0.jar");
    NoSuchFileException e =
        assertThrows(
            NoSuchFileException.class,
            () ->
                build(
                    JvmApp.of("demo", f.appJar, List.of(f.releaseJar, missing)),
                    BaseImage.scratch(),
                    new InMemoryRepository("m")));
    assertEquals(missing + ": dependency jar not found", e.getMessage());
  }

  @Test
  void dependenciesWithTheSameFileNameClash() throws Exception {
    Fixture f = new Fixture(dir);
    Path other = TestJars.write(dir.resolve("elsewhere/lib-a-1.0.jar"), null, "other a");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                build(
                    JvmApp.of("demo", f.appJar, List.of(f.releaseJar, other)),
                    BaseImage.scratch(),
                    new InMemoryRepository("m")));
    assertEquals(
        "dependency jars "
            + f.releaseJar
            + " and "
            + other
            + " both map to /app/libs/lib-a-1.0.jar",
        e.getMessage());
  }

  @Test
  void jarWithoutMainClassNeedsOne() throws Exception {
    Path jar = TestJars.write(dir.resolve("plain.jar"), null, "x");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                build(
                    JvmApp.of("demo", jar, List.of()),
                    BaseImage.scratch(),
                    new InMemoryRepository("m")));
    assertEquals(
        "application jar " + jar + " has no Main-Class in its manifest; set mainClass",
        e.getMessage());
  }

  @Test
  void givenMainClassAndGivenEntrypointAreUsed() throws Exception {
    Path jar = TestJars.write(dir.resolve("plain.jar"), null, "x");
    InMemoryRepository repo = new InMemoryRepository("m");
    BuiltImage withMain =
        build(
            new JvmApp(
                "demo",
                jar,
                List.of(),
                "dev.demo.Other",
                List.of("-Dx=1", "-Xss1m"),
                null,
                null,
                null,
                null,
                null),
            BaseImage.scratch(),
            repo);
    assertEquals(
        Fixture.JSON.readTree(
            """
        ["java", "-Dx=1", "-Xss1m", "-cp", "/app/app.jar:/app/libs/*", "dev.demo.Other"]"""),
        Fixture.config(repo, withMain.digest()).path("config").path("Entrypoint"));

    BuiltImage withEntrypoint =
        build(
            new JvmApp(
                "demo",
                jar,
                List.of(),
                null,
                List.of("-Xignored"),
                List.of("/app/run.sh", "--fast"),
                null,
                null,
                null,
                null),
            BaseImage.scratch(),
            repo);
    assertEquals(
        Fixture.JSON.readTree(
            """
        ["/app/run.sh", "--fast"]"""),
        Fixture.config(repo, withEntrypoint.digest()).path("config").path("Entrypoint"));
  }

  @Test
  void registryTargetNeedsATag() throws Exception {
    Fixture f = new Fixture(dir);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new JibImageBuilder(dir.resolve("cache"), line -> {})
                    .build(
                        f.app(),
                        Fixture.request(BaseImage.scratch(), List.of()),
                        ImageTarget.registry("127.0.0.1:9/demo", true)));
    assertEquals("image demo: pushing to 127.0.0.1:9/demo needs at least one tag", e.getMessage());
  }

  @Test
  void missingBaseTarIsNamed() throws Exception {
    Fixture f = new Fixture(dir);
    Path tar = dir.resolve("base.tar");
    NoSuchFileException e =
        assertThrows(
            NoSuchFileException.class,
            () -> build(f.app(), BaseImage.parse("tar:" + tar), new InMemoryRepository("m")));
    assertEquals(tar + ": base image tar not found", e.getMessage());
  }

  @Test
  void dockerTarBaseLayersComeFirstAndItsConfigIsInherited() throws Exception {
    Fixture f = new Fixture(dir);
    Path baseTar = dockerBaseTar();
    InMemoryRepository repo = new InMemoryRepository("m");
    BuiltImage image = build(f.app(), BaseImage.parse("tar:" + baseTar), repo);

    List<Digest> layers = Fixture.layerDigests(repo, image.digest());
    assertEquals(4, layers.size());
    assertEquals(
        List.of("etc/ 5 40755 0:0 1 0", "etc/base-release 0 100644 0:0 1 8"),
        LayerEntries.summaries(repo.blob(layers.get(0))));
    assertEquals(
        List.of("app/ 5 40755 0:0 1 0", "app/app.jar 0 100644 0:0 1 " + Files.size(f.appJar)),
        LayerEntries.summaries(repo.blob(layers.get(3))));
    JsonNode config = Fixture.config(repo, image.digest());
    assertEquals(
        Fixture.JSON.readTree(
            """
        ["APP_HOME=/app", "BASE=1", "MODE=prod"]"""),
        config.path("config").path("Env"));
    assertEquals(
        List.of("base layer", "dependencies", "snapshot dependencies", "application"),
        config.path("history").findValuesAsText("comment"));

    BuiltImage again =
        build(f.app(), BaseImage.parse("tar:" + baseTar), new InMemoryRepository("m2"));
    assertEquals(image.digest(), again.digest());
  }

  /**
   * A docker-format base image tarball with one layer holding /etc/base-release, written by Jib.
   */
  private Path dockerBaseTar() throws Exception {
    Path release = dir.resolve("base-release");
    Files.writeString(release, "base v1\n", StandardCharsets.UTF_8);
    Path tar = dir.resolve("base.tar");
    ExecutorService executor = Executors.newCachedThreadPool();
    try {
      Jib.fromScratch()
          .addFileEntriesLayer(
              FileEntriesLayer.builder()
                  .setName("base layer")
                  .addEntry(
                      release,
                      AbsoluteUnixPath.get("/etc/base-release"),
                      FilePermissions.fromOctalString("644"),
                      Instant.ofEpochSecond(1))
                  .build())
          .setEnvironment(Map.of("BASE", "1"))
          .setCreationTime(Instant.parse("2025-01-01T00:00:00Z"))
          .containerize(
              Containerizer.to(TarImage.at(tar).named(ImageReference.of(null, "base", "1")))
                  .setExecutorService(executor)
                  .setBaseImageLayersCache(dir.resolve("base-cache"))
                  .setApplicationLayersCache(dir.resolve("base-app-cache")));
    } finally {
      executor.shutdown();
    }
    try (InputStream in = Files.newInputStream(tar)) {
      TarReader reader = new TarReader(in);
      boolean manifest = false;
      for (TarReader.Entry e; (e = reader.next()) != null; ) {
        manifest |= e.name().equals("manifest.json");
      }
      assertEquals(true, manifest, "docker-format tar has manifest.json");
    }
    return tar;
  }
}
