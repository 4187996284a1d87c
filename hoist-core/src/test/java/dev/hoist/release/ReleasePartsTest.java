package dev.hoist.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.image.ImageBuilders;
import dev.hoist.image.ImageTarget;
import dev.hoist.run.ExitCode;
import dev.hoist.run.Progress;
import dev.hoist.testing.FakeImageBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Release} composed over fakes of its parts: a fixed image builder, a registry in memory
 * behind a recording decorator, the embedded renderer behind one. The release's promises hold
 * whatever the parts: a failing check uploads nothing, a late failure names what is pushed already,
 * the scratch directory goes.
 */
class ReleasePartsTest {
  private static final String REGISTRY = "registry.test/acme";

  @TempDir Path dir;
  private final List<String> log = new ArrayList<>();
  private final RecordingRegistry registry = new RecordingRegistry(log);
  private final List<Path> rendered = new ArrayList<>();
  private final List<Path> layouts = new ArrayList<>();
  private ReleaseParts parts;

  @BeforeEach
  void parts() {
    FakeImageBuilder fake = new FakeImageBuilder();
    ImageBuilders builders =
        (progress, credentials) ->
            (app, request, target) -> {
              layouts.add(Path.of(((ImageTarget.Layout) target).repository().name()));
              return fake.build(app, request, target);
            };
    OverlayRenderer embedded = OverlayRenderer.embedded();
    parts =
        ReleaseParts.real()
            .withBuilders(builders)
            .withRegistries(registry)
            .withRenderer(
                overlay -> {
                  rendered.add(overlay);
                  return embedded.render(overlay);
                });
  }

  private ReleaseResult release() {
    return release(false);
  }

  private ReleaseResult release(boolean dryRun) {
    ReleaseRequest request =
        new ReleaseRequest(
            dir.resolve("hoist.yaml"),
            new Destination.Registry(REGISTRY, false),
            null,
            false,
            dryRun);
    return Release.run(request, (Progress) log::add, parts);
  }

  @Test
  void everyCheckRunsBeforeTheFirstUploadAndTheOutputsAfterTheLast() throws Exception {
    TinyProject.write(dir, "");
    ReleaseResult result = release();

    String image = REGISTRY + "/api@" + result.images().get(0).digest();
    assertEquals(List.of(image), result.images().stream().map(ReleaseResult.Image::ref).toList());
    for (String tag : List.of("1.2.3", "latest")) {
      assertEquals(
          result.images().get(0).digest(),
          registry.repository(REGISTRY + "/api").resolve(tag).orElseThrow().toString());
    }
    int firstUpload = indexOf("PUT ");
    assertTrue(firstUpload > indexOf("render: 1 overlay(s)"), String.join("\n", log));
    assertTrue(firstUpload > indexOf("validate: "), String.join("\n", log));
    // blobs before manifests; the image, then the artifact, then each image's SBOM
    assertEquals(
        List.of(
            "PUT manifest " + REGISTRY + "/api [1.2.3, latest]",
            "PUT manifest " + REGISTRY + "/manifests/shop [1.2.3, latest]"),
        registry.writes().stream()
            .filter(w -> w.startsWith("PUT manifest"))
            .toList()
            .subList(0, 2));
    assertTrue(indexOf("flux: flux/clusters/production/shop.yaml written") > lastIndexOf("PUT "));
    // the checks rendered through the given renderer: the staged tree, the packed artifact
    assertTrue(rendered.stream().anyMatch(p -> p.endsWith("stage/overlays/prod")), "" + rendered);
    assertTrue(rendered.stream().anyMatch(p -> p.endsWith("packed/overlays/prod")), "" + rendered);
    assertEquals(1, registry.opened.size(), "one client for the destination");
    assertScratchGone();
  }

  @Test
  void aCheckThatFailsAfterTheImagesAreBuiltUploadsNothing() throws Exception {
    TinyProject.write(
        dir,
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n");
    ReleaseException e = assertThrows(ReleaseException.class, this::release);

    assertTrue(e.getMessage().endsWith("; nothing was pushed"), e.getMessage());
    assertTrue(e.getMessage().contains("Secret"), e.getMessage());
    assertEquals(1, layouts.size(), "the image was built, locally");
    assertEquals(List.of(), registry.writes());
    assertFalse(Files.exists(dir.resolve("flux")));
    assertScratchGone();
  }

  @Test
  void aVersionTagThatNamesAnotherImageStopsTheReleaseBeforeAnyUpload() throws Exception {
    TinyProject.write(dir, "");
    registry
        .repository(REGISTRY + "/api")
        .pushManifest(
            "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8),
            "application/vnd.oci.image.manifest.v1+json",
            List.of("1.2.3"));
    ReleaseException e = assertThrows(ReleaseException.class, this::release);

    assertEquals(ExitCode.FAILURE, e.exitCode());
    assertTrue(e.getMessage().contains("1.2.3"), e.getMessage());
    assertEquals(List.of(), registry.writes());
    assertScratchGone();
  }

  @Test
  void aLateFailureNamesWhatIsPushedAlready() throws Exception {
    TinyProject.write(dir, "");
    registry.failManifests.add(REGISTRY + "/manifests/shop");
    ReleaseException e = assertThrows(ReleaseException.class, this::release);

    String digest =
        registry.repository(REGISTRY + "/api").resolve("1.2.3").orElseThrow().toString();
    assertEquals(
        "artifact: PUT manifest "
            + REGISTRY
            + "/manifests/shop: 500 Internal Server Error (already pushed: image "
            + REGISTRY
            + "/api@"
            + digest
            + ")",
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("flux")), "no Flux file before every push succeeded");
    assertScratchGone();
  }

  @Test
  void aDryRunReadsTheRegistryAndWritesNothingToIt() throws Exception {
    TinyProject.write(dir, "");
    ReleaseResult result = release(true);

    assertTrue(result.dryRun());
    assertEquals(
        REGISTRY + "/api@" + result.images().get(0).digest(), result.images().get(0).ref());
    assertEquals(1, registry.opened.size(), "probed and planned against the destination");
    assertEquals(List.of(), registry.writes());
    assertFalse(Files.exists(dir.resolve("flux")));
    assertScratchGone();
  }

  @Test
  void thirdPartyImagesArePinnedThroughTheGivenRegistryClient() throws Exception {
    TinyProject.write(
        dir,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: db
        spec:
          template:
            spec:
              containers:
                - name: db
                  image: neo4j:5
        """);
    String neo4j =
        registry
            .repository("docker.io/library/neo4j")
            .pushManifest(
                "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8),
                "application/vnd.oci.image.manifest.v1+json",
                List.of("5"))
            .toString();
    release();

    assertTrue(
        log.contains("pins: overlay prod: neo4j:5 -> neo4j@" + neo4j), String.join("\n", log));
    assertEquals(2, registry.opened.size(), "the destination's client, the third-party one");
    assertFalse(registry.opened.get(1).insecure());
    assertTrue(
        registry.writes().stream().noneMatch(w -> w.contains("docker.io")), "" + registry.writes());
  }

  @Test
  void aReleaseRunAgainTagsNothingAndUploadsNoImageOrArtifact() throws Exception {
    TinyProject.write(dir, "");
    ReleaseResult first = release();
    log.clear();
    ReleaseResult again = release();

    assertEquals(first.images(), again.images());
    assertEquals(first.artifacts(), again.artifacts());
    assertTrue(
        log.stream().anyMatch(l -> l.startsWith("image api: ") && l.endsWith("already there")));
    // only the SBOM referrer, by digest and unchanged, is stored again
    assertTrue(
        registry.writes().stream()
            .noneMatch(w -> w.contains("/manifests/shop") || w.endsWith("latest]")),
        "" + registry.writes());
  }

  private void assertScratchGone() {
    assertFalse(layouts.isEmpty(), "an image was built");
    for (Path layout : layouts) {
      Path work = layout.getParent().getParent();
      assertTrue(work.getFileName().toString().startsWith("hoist-release-"), work.toString());
      assertFalse(Files.exists(work), work + " is left behind");
    }
  }

  private int indexOf(String prefix) {
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line " + prefix + " in\n" + String.join("\n", log));
  }

  private int lastIndexOf(String prefix) {
    for (int i = log.size() - 1; i >= 0; i--) {
      if (log.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line " + prefix + " in\n" + String.join("\n", log));
  }
}
