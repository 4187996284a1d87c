package dev.hoist.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hoist.oci.Digest;
import dev.hoist.testing.InMemoryRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM app from Maven's target/classes: resources and classes layers, and what a code change
 * touches.
 */
class JvmClassesDirTest {
  @TempDir Path dir;

  private Path classes() throws IOException {
    Path classes = dir.resolve("target/classes");
    Files.createDirectories(classes.resolve("dev/demo"));
    Files.write(classes.resolve("dev/demo/Main.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1});
    Files.writeString(classes.resolve("application.properties"), "port=8080\n");
    Files.writeString(classes.resolve(".env.local"), "DB=localhost\n");
    return classes;
  }

  private JvmApp app(Path classes, Fixture f) {
    return new JvmApp(
        "demo",
        classes,
        List.of(f.releaseJar, f.snapshotJar),
        "dev.demo.Main",
        List.of("-Xss1m"),
        null,
        null,
        null,
        null,
        "1000");
  }

  private final List<String> progress = new java.util.ArrayList<>();

  private BuiltImage build(JvmApp app, InMemoryRepository repo) throws Exception {
    return new JibImageBuilder(dir.resolve("cache"), progress::add)
        .build(app, Fixture.request(BaseImage.scratch(), List.of("v1")), ImageTarget.layout(repo));
  }

  @Test
  void classesDirGivesFourLayersLikeJibMavenPlugin() throws Exception {
    Fixture f = new Fixture(dir);
    InMemoryRepository repo = new InMemoryRepository("m");
    BuiltImage image = build(app(classes(), f), repo);

    List<Digest> layers = Fixture.layerDigests(repo, image.digest());
    assertEquals(4, layers.size());
    assertEquals(
        List.of(
            "app/ 5 40755 0:0 1 0",
            "app/resources/ 5 40755 0:0 1 0",
            "app/resources/application.properties 0 100644 0:0 1 10"),
        LayerEntries.summaries(repo.blob(layers.get(2))));
    assertEquals(
        List.of(
            "app/ 5 40755 0:0 1 0",
            "app/classes/ 5 40755 0:0 1 0",
            "app/classes/dev/ 5 40755 0:0 1 0",
            "app/classes/dev/demo/ 5 40755 0:0 1 0",
            "app/classes/dev/demo/Main.class 0 100644 0:0 1 3"),
        LayerEntries.summaries(repo.blob(layers.get(3))));
    assertEquals(
        "[\"java\",\"-Xss1m\",\"-cp\",\"/app/resources:/app/classes:/app/libs/*\",\"dev.demo.Main\"]",
        Fixture.config(repo, image.digest()).path("config").path("Entrypoint").toString());
    assertEquals(
        List.of(
            "app demo: not adding .env files from the classes directory: "
                + dir.resolve("target/classes/.env.local")),
        progress.stream().filter(l -> l.startsWith("app ")).toList());
  }

  @Test
  void changingOneClassChangesOnlyTheClassesLayer() throws Exception {
    Fixture f = new Fixture(dir);
    Path classes = classes();
    InMemoryRepository repo = new InMemoryRepository("m");
    List<Digest> before = Fixture.layerDigests(repo, build(app(classes, f), repo).digest());
    Files.write(classes.resolve("dev/demo/Main.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 2});
    List<Digest> after = Fixture.layerDigests(repo, build(app(classes, f), repo).digest());

    assertEquals(before.subList(0, 3), after.subList(0, 3));
    assertNotEquals(before.get(3), after.get(3));
  }

  @Test
  void classesDirNeedsAMainClassAndClasses() throws Exception {
    Fixture f = new Fixture(dir);
    Path classes = classes();
    IOException noMain =
        assertThrows(
            IOException.class,
            () ->
                build(
                    new JvmApp(
                        "demo", classes, List.of(), null, null, null, null, null, null, null),
                    new InMemoryRepository("m")));
    assertEquals(
        "app demo: classes directory " + classes + " has no manifest; set mainClass",
        noMain.getMessage());
    Path empty = Files.createDirectories(dir.resolve("empty"));
    IOException noClasses =
        assertThrows(IOException.class, () -> build(app(empty, f), new InMemoryRepository("m")));
    assertEquals(
        "classes directory " + empty + " holds no .class files (build it first: mvn compile)",
        noClasses.getMessage());
  }
}
