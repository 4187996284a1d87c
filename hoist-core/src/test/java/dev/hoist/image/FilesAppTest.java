package dev.hoist.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.oci.Digest;
import dev.hoist.testing.InMemoryRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files apps: declared layers, modes, owner, exclusions, the .env rule, entrypoint and cmd. */
class FilesAppTest {
  @TempDir Path dir;

  private final List<String> progress = new ArrayList<>();

  private BuiltImage build(FilesApp app, InMemoryRepository repo) throws Exception {
    return new JibImageBuilder(dir.resolve("cache"), progress::add)
        .build(app, Fixture.request(BaseImage.scratch(), List.of("v1")), ImageTarget.layout(repo));
  }

  private List<String> warnings() {
    return progress.stream()
        .filter(line -> line.startsWith("app ") || line.startsWith("warning"))
        .toList();
  }

  private Path tree(String name) throws Exception {
    Path root = dir.resolve(name);
    Files.createDirectories(root.resolve("bin"));
    Files.createDirectories(root.resolve("pkg/__pycache__"));
    Files.writeString(root.resolve("bin/run"), "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(
        root.resolve("bin/run"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.writeString(root.resolve("pkg/app.py"), "print('hi')\n");
    Files.setPosixFilePermissions(
        root.resolve("pkg/app.py"), PosixFilePermissions.fromString("rw-------"));
    Files.writeString(root.resolve("pkg/__pycache__/app.pyc"), "x");
    Files.writeString(root.resolve("pkg/notes.tmp"), "x");
    Files.writeString(root.resolve(".env"), "SECRET=1\n");
    Files.writeString(root.resolve("pkg/.env.local"), "URL=http://localhost\n");
    return root;
  }

  private static FilesApp app(List<FileLayer> layers, String user) {
    return new FilesApp(
        "svc",
        layers,
        List.of("/srv/bin/run"),
        List.of("--port", "8000"),
        List.of(8000),
        Map.of("MODE", "prod"),
        "/srv",
        user);
  }

  @Test
  void layerHasDeclaredModesOwnerAndExclusionsAndNoDotEnv() throws Exception {
    Path src = tree("src");
    InMemoryRepository repo = new InMemoryRepository("m");
    BuiltImage image =
        build(
            app(
                List.of(
                    new FileLayer(
                        "code",
                        List.of(src),
                        "/srv",
                        null,
                        "1000:2000",
                        List.of("__pycache__", "*.tmp"))),
                "1000"),
            repo);

    List<Digest> layers = Fixture.layerDigests(repo, image.digest());
    assertEquals(1, layers.size());
    assertEquals(
        List.of(
            "srv/ 5 40755 1000:2000 1 0",
            "srv/bin/ 5 40755 1000:2000 1 0",
            "srv/bin/run 0 100755 1000:2000 1 18",
            "srv/pkg/ 5 40755 1000:2000 1 0",
            "srv/pkg/app.py 0 100644 1000:2000 1 12"),
        LayerEntries.summaries(repo.blob(layers.get(0))));
    assertEquals(
        List.of(
            "app svc, layer code: not adding .env files (name them in from: to add them): "
                + src.resolve(".env")
                + ", "
                + src.resolve("pkg/.env.local")),
        warnings());

    JsonNode config = Fixture.config(repo, image.digest()).path("config");
    assertEquals("[\"/srv/bin/run\"]", config.path("Entrypoint").toString());
    assertEquals("[\"--port\",\"8000\"]", config.path("Cmd").toString());
    assertEquals("/srv", config.path("WorkingDir").asText());
    assertEquals("1000", config.path("User").asText());
  }

  @Test
  void dotEnvNamedExplicitlyIsAddedWithTheDeclaredMode() throws Exception {
    Path src = tree("src");
    InMemoryRepository repo = new InMemoryRepository("m");
    BuiltImage image =
        build(
            app(
                List.of(
                    new FileLayer(
                        "env", List.of(src.resolve(".env")), "/srv", "0600", null, List.of())),
                "1000"),
            repo);
    List<Digest> layers = Fixture.layerDigests(repo, image.digest());
    assertEquals(
        List.of("srv/ 5 40755 0:0 1 0", "srv/.env 0 100600 0:0 1 9"),
        LayerEntries.summaries(repo.blob(layers.get(0))));
    assertEquals(List.of(), warnings());
  }

  @Test
  void sameTreeWithOtherGroupAndOtherBitsGivesTheSameDigest() throws Exception {
    Path a = tree("a");
    Path b = tree("b");
    Files.setPosixFilePermissions(
        b.resolve("bin/run"), PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.setPosixFilePermissions(
        b.resolve("pkg/app.py"), PosixFilePermissions.fromString("rw-rw-r--"));
    Files.setLastModifiedTime(
        b.resolve("pkg/app.py"), java.nio.file.attribute.FileTime.fromMillis(12345));
    FileLayer layerA = new FileLayer("code", List.of(a), "/srv", null, null, List.of());
    FileLayer layerB = new FileLayer("code", List.of(b), "/srv", null, null, List.of());
    assertEquals(
        build(app(List.of(layerA), "1000"), new InMemoryRepository("a")).digest(),
        build(app(List.of(layerB), "1000"), new InMemoryRepository("b")).digest());
  }

  @Test
  void rootUserAndMissingSourceAreReported() throws Exception {
    Path src = tree("src");
    build(
        app(
            List.of(
                new FileLayer("code", List.of(src.resolve("bin")), "/srv", null, null, List.of())),
            "0:0"),
        new InMemoryRepository("m"));
    assertTrue(
        progress.contains(
            "warning: image svc runs as root (user: 0:0); set user to a non-root uid"),
        progress.toString());
    Path missing = src.resolve("nope");
    Exception e =
        assertThrows(
            java.nio.file.NoSuchFileException.class,
            () ->
                build(
                    app(
                        List.of(
                            new FileLayer("code", List.of(missing), "/srv", null, null, List.of())),
                        "1000"),
                    new InMemoryRepository("m")));
    assertEquals(missing + ": app svc, layer code: not found (or a symbolic link)", e.getMessage());
  }

  @Test
  void offlineWithAnUncachedRegistryBaseFailsNamingItAndWarnsItIsNotPinned() throws Exception {
    Path src = tree("src");
    ImageRequest request =
        new ImageRequest(
            BaseImage.parse("127.0.0.1:9/team/python:3.12"),
            Fixture.CREATED,
            List.of("v1"),
            Fixture.request(BaseImage.scratch(), List.of()).labels(),
            "0.1.0",
            List.of(),
            true);
    java.io.IOException e =
        assertThrows(
            java.io.IOException.class,
            () ->
                new JibImageBuilder(dir.resolve("cache"), progress::add)
                    .build(
                        app(
                            List.of(
                                new FileLayer("code", List.of(src), "/srv", null, null, List.of())),
                            "1000"),
                        request,
                        ImageTarget.layout(new InMemoryRepository("m"))));
    assertTrue(
        e.getMessage().startsWith("building image svc failed: ")
            && e.getMessage().contains("offline")
            && e.getMessage().contains("127.0.0.1:9/team/python:3.12"),
        e.getMessage());
    assertEquals(
        List.of(
            "warning: image svc: base 127.0.0.1:9/team/python:3.12 is not pinned by digest "
                + "(name@sha256:...); the same commit may build a different image when the tag moves"),
        warnings().stream().filter(line -> line.startsWith("warning")).toList());
  }

  @Test
  void invalidDeclarationsAreNamed() {
    assertEquals(
        "layer x: to is not an absolute path: srv",
        assertThrows(
                IllegalArgumentException.class,
                () -> new FileLayer("x", List.of(dir), "srv", null, null, null))
            .getMessage());
    assertEquals(
        "layer x: mode is not octal like 0644: 0999",
        assertThrows(
                IllegalArgumentException.class,
                () -> new FileLayer("x", List.of(dir), "/srv", "0999", null, null))
            .getMessage());
    assertEquals(
        "layer x: owner is not uid[:gid]: app",
        assertThrows(
                IllegalArgumentException.class,
                () -> new FileLayer("x", List.of(dir), "/srv", null, "app", null))
            .getMessage());
  }
}
