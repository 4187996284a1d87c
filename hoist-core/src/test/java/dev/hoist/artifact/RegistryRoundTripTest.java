package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes a packed artifact through a real registry with skopeo (digests preserved) and pulls it
 * back: the registry must accept the manifest and blobs unchanged, and the pulled layer must
 * extract to the tree.
 */
@Tag("integration")
class RegistryRoundTripTest {
  @TempDir Path dir;

  @Test
  void registryStoresTheManifestBytesUnchangedAndTheLayerExtracts() throws Exception {
    String registry = RealParts.registry();
    String skopeo = RealParts.tool("skopeo").toString();
    Path src = Files.createDirectories(dir.resolve("src/deploy"));
    Files.writeString(src.resolve("app.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
    PackedArtifact packed =
        new ArtifactPacker()
            .pack(dir.resolve("src"), ArtifactOptions.defaults(), dir.resolve("a.tgz"));
    ArtifactMetadata meta =
        ArtifactMetadata.reproducible("https://example.com/app", "main@sha1:abc", Map.of());
    Path layout = dir.resolve("layout");
    Digest digest =
        new ArtifactPublisher()
            .push(dev.hoist.oci.OciLayout.at(layout), packed, meta, List.of("v1"));

    String ref = "docker://" + registry + "/hoist/artifact-it:v1";
    Processes.run(
            dir,
            List.of(
                skopeo,
                "copy",
                "--preserve-digests",
                "--dest-tls-verify=false",
                "oci:" + layout + ":v1",
                ref))
        .requireSuccess();
    Processes.Result raw =
        Processes.run(dir, List.of(skopeo, "inspect", "--raw", "--tls-verify=false", ref))
            .requireSuccess();
    byte[] manifest =
        ArtifactManifest.json(ArtifactManifest.configDescriptor(), packed.layer(), meta);
    assertEquals(new String(manifest, StandardCharsets.UTF_8), raw.stdout().strip());
    assertEquals(digest, Digest.sha256(raw.stdout().strip().getBytes(StandardCharsets.UTF_8)));

    Path pulled = dir.resolve("pulled");
    Processes.run(
            dir,
            List.of(
                skopeo,
                "copy",
                "--preserve-digests",
                "--src-tls-verify=false",
                ref,
                "oci:" + pulled + ":v1"))
        .requireSuccess();
    Path layer = pulled.resolve("blobs/sha256").resolve(packed.layer().digest().hex());
    assertArrayEquals(Files.readAllBytes(packed.file()), Files.readAllBytes(layer));
    try (InputStream in = Files.newInputStream(layer)) {
      new ArtifactExtractor().extract(in, dir.resolve("out"));
    }
    assertEquals(
        "apiVersion: v1\nkind: ConfigMap\n", Files.readString(dir.resolve("out/deploy/app.yaml")));
    Descriptor config = ArtifactManifest.configDescriptor();
    assertEquals(
        "{}", Files.readString(pulled.resolve("blobs/sha256").resolve(config.digest().hex())));
  }
}
