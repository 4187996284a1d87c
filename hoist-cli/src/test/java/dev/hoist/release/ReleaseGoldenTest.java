package dev.hoist.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden output of {@code hoist release} for a small project written here (kustomize-style), with a
 * fixed commit time, remote and jar: every digest is therefore fixed, on any machine, umask or time
 * zone. Regenerate with {@code -Dhoist.updateGolden=true} after a deliberate change (a new hoist
 * version changes the image history, and so the digests).
 */
class ReleaseGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/release");

  @TempDir Path dir;

  private String hoist(String... args) {
    ShopProject.Run run = ShopProject.hoist(dir, args);
    assertEquals(0, run.code(), run.err());
    return run.out();
  }

  private void writeProject() throws Exception {
    ShopProject.write(dir);
  }

  private static void assertGolden(String name, String actual) throws Exception {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("hoist.updateGolden")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
    }
    assertEquals(
        Files.readString(file),
        actual,
        "golden " + file + " (regenerate: -Dhoist.updateGolden=true)");
  }

  @Test
  void dryRunPlanIsByteStableAndWritesNothing() throws Exception {
    writeProject();
    assertGolden("dry-run.json", hoist("release", "--dry-run", "-o", "json"));
    assertGolden("dry-run.txt", hoist("release", "--dry-run", "-q"));
    assertFalse(Files.exists(dir.resolve("flux")));
    assertFalse(Files.exists(dir.resolve("manifests")));
    assertFalse(Files.exists(dir.resolve("target/hoist/oci")));
  }

  @Test
  void aRealRunPublishesWhatTheDryRunPlanned() throws Exception {
    writeProject();
    String plan = hoist("release", "--dry-run", "-o", "json");
    String real =
        hoist("release", "-q", "-o", "json", "--oci-layout", dir.resolve("target/out").toString());
    assertEquals(plan, real);
    assertGolden(
        "flux-production-shop.yaml",
        Files.readString(dir.resolve("flux/clusters/production/shop.yaml")));
    // the artifact in the layout carries the overlay pinned to the image digest
    var layout = dev.hoist.oci.OciLayout.at(dir.resolve("target/out/manifests/shop"));
    var manifest =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(layout.fetchManifest("1.2.3").content());
    var layer = manifest.get("layers").get(0);
    var descriptor =
        new dev.hoist.oci.Descriptor(
            layer.get("mediaType").asText(),
            dev.hoist.oci.Digest.parse(layer.get("digest").asText()),
            layer.get("size").asLong());
    Path extracted = dir.resolve("extracted");
    try (var in = layout.fetchBlob(descriptor)) {
      new dev.hoist.artifact.ArtifactExtractor().extract(in, extracted);
    }
    assertGolden(
        "artifact-prod-kustomization.yaml",
        Files.readString(extracted.resolve("overlays/prod/kustomization.yaml")));
    assertFalse(Files.exists(dir.resolve("manifests")), "release writes no manifests/");
  }
}
