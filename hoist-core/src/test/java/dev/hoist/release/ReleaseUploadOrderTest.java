package dev.hoist.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.image.BuiltImage;
import dev.hoist.image.ImageTarget;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import dev.hoist.run.ExitCode;
import dev.hoist.testing.DescriptorJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The release's order over fakes of its parts: a check that fails (a plaintext Secret, a version
 * tag naming another digest, an SBOM that cannot be made) uploads nothing, a late failure names
 * what is pushed already, and the scratch directory goes either way.
 */
class ReleaseUploadOrderTest extends ReleaseWithFakes {
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
  void anSbomThatCannotBeMadeStopsTheReleaseBeforeAnyUpload() throws Exception {
    TinyProject.write(dir, "");
    // an image whose one layer claims to be a gzipped tar and is not
    parts =
        parts.withBuilders(
            (progress, credentials) ->
                (app, request, target) -> {
                  Repository repo = ((ImageTarget.Layout) target).repository();
                  layouts.add(Path.of(repo.name()));
                  byte[] layer = "not a tar".getBytes(StandardCharsets.UTF_8);
                  byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
                  Descriptor l =
                      Descriptor.of("application/vnd.oci.image.layer.v1.tar+gzip", layer);
                  Descriptor c = Descriptor.of("application/vnd.oci.image.config.v1+json", config);
                  repo.pushBlob(l, layer);
                  repo.pushBlob(c, config);
                  String manifest =
                      "{\"schemaVersion\":2,\"config\":"
                          + DescriptorJson.of(c)
                          + ",\"layers\":["
                          + DescriptorJson.of(l)
                          + "]}";
                  Digest digest =
                      repo.pushManifest(
                          manifest.getBytes(StandardCharsets.UTF_8),
                          "application/vnd.oci.image.manifest.v1+json",
                          request.tags());
                  return new BuiltImage(app.name(), repo.name(), digest, request.tags());
                });
    ReleaseException e = assertThrows(ReleaseException.class, this::release);

    assertTrue(e.getMessage().startsWith("sbom: "), e.getMessage());
    assertFalse(e.getMessage().contains("already pushed"), e.getMessage());
    assertEquals(List.of(), registry.writes());
    assertScratchGone();
  }
}
