package dev.hoist.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.oci.Digest;
import dev.hoist.testing.InMemoryRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared inputs of the image tests: a tiny app, its jars and a request. */
final class Fixture {
  static final Instant CREATED = Instant.parse("2026-03-04T05:06:07Z");
  static final ObjectMapper JSON = new ObjectMapper();

  final Path appJar;
  final Path releaseJar;
  final Path snapshotJar;

  Fixture(Path dir) throws IOException {
    appJar = TestJars.write(dir.resolve("build/demo-1.2.3.jar"), "dev.demo.Main", "app v1");
    releaseJar = TestJars.write(dir.resolve("m2/lib-a-1.0.jar"), null, "lib a");
    snapshotJar = TestJars.write(dir.resolve("m2/lib-b-2.0-SNAPSHOT.jar"), null, "lib b");
  }

  JvmApp app() {
    return new JvmApp(
        "demo",
        appJar,
        List.of(releaseJar, snapshotJar),
        null,
        List.of("-Xmx64m"),
        null,
        List.of(8080, 8443),
        Map.of("MODE", "prod", "APP_HOME", "/app"),
        "/app",
        "1000:1000");
  }

  static ImageRequest request(BaseImage base, List<String> tags) {
    return new ImageRequest(
        base,
        CREATED,
        tags,
        Map.of(
            ImageRequest.LABEL_SOURCE,
            "https://git.example/demo.git",
            ImageRequest.LABEL_REVISION,
            "0123456789abcdef0123456789abcdef01234567",
            ImageRequest.LABEL_VERSION,
            "1.2.3",
            "team",
            "platform"),
        "0.1.0");
  }

  /** The manifest of a built image in a repository. */
  static JsonNode manifest(InMemoryRepository repo, Digest digest) throws IOException {
    return JSON.readTree(repo.fetchManifest(digest.toString()).content());
  }

  static JsonNode config(InMemoryRepository repo, Digest digest) throws IOException {
    return JSON.readTree(
        repo.blob(Digest.parse(manifest(repo, digest).path("config").path("digest").asText())));
  }

  static List<Digest> layerDigests(InMemoryRepository repo, Digest digest) throws IOException {
    List<Digest> digests = new ArrayList<>();
    manifest(repo, digest)
        .path("layers")
        .forEach(l -> digests.add(Digest.parse(l.path("digest").asText())));
    return digests;
  }
}
