package dev.hoist.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Release} over fakes of its parts: every check precedes the first upload and the outputs
 * follow the last, the checks render through the given renderer, the registry client serves the
 * destination and the third-party pins, a dry run writes nothing, a release run again uploads
 * nothing new.
 */
class ReleasePartsTest extends ReleaseWithFakes {
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
  void aReleaseRunAgainWritesNothing() throws Exception {
    TinyProject.write(dir, "");
    ReleaseResult first = release();
    log.clear();
    ReleaseResult again = release();

    assertEquals(first.images(), again.images());
    assertEquals(first.artifacts(), again.artifacts());
    assertTrue(
        log.stream().anyMatch(l -> l.startsWith("image api: ") && l.endsWith("already there")));
    // nothing is stored again: no blob, no manifest, no tag (the SBOM is listed already)
    assertEquals(List.of(), registry.writes());
  }
}
