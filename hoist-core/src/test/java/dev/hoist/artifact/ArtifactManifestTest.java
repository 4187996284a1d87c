package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArtifactManifestTest {
  static final Descriptor LAYER =
      new Descriptor(MediaTypes.FLUX_CONTENT, new Digest("sha256", "ab".repeat(32)), 1234);
  static final ArtifactMetadata META =
      ArtifactMetadata.reproducible(
          "https://github.com/acme/app",
          "main@sha1:0123456789abcdef0123456789abcdef01234567",
          Map.of("org.opencontainers.image.title", "app & <co>"));

  @Test
  void configIsEmptyObject() {
    assertEquals("{}", new String(ArtifactManifest.configJson(), StandardCharsets.UTF_8));
    assertEquals(
        new Descriptor(
            MediaTypes.FLUX_CONFIG,
            Digest.parse("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"),
            2),
        ArtifactManifest.configDescriptor());
  }

  @Test
  void manifestJsonHasFixedKeyOrderAndStableDigest() {
    byte[] json = ArtifactManifest.json(ArtifactManifest.configDescriptor(), LAYER, META);
    assertEquals(
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.cncf.flux.config.v1+json\","
            + "\"digest\":\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\",\"size\":2},"
            + "\"layers\":[{\"mediaType\":\"application/vnd.cncf.flux.content.v1.tar+gzip\","
            + "\"digest\":\"sha256:"
            + "ab".repeat(32)
            + "\",\"size\":1234}],"
            + "\"annotations\":{\"org.opencontainers.image.created\":\"1970-01-01T00:00:00Z\","
            + "\"org.opencontainers.image.revision\":\"main@sha1:0123456789abcdef0123456789abcdef01234567\","
            + "\"org.opencontainers.image.source\":\"https://github.com/acme/app\","
            + "\"org.opencontainers.image.title\":\"app \\u0026 \\u003cco\\u003e\"}}",
        new String(json, StandardCharsets.UTF_8));
    assertEquals(
        "sha256:b829b685029d970ec2b7484d697d64c7575f8255f3525e8685445cc878a53a99",
        Digest.sha256(json).toString());
  }

  @Test
  void createdIsRfc3339SecondsInUtcAndExtrasOverride() {
    ArtifactMetadata meta =
        new ArtifactMetadata(
            "s",
            "r",
            Instant.parse("2026-11-22T19:03:34.987654Z"),
            Map.of("org.opencontainers.image.source", "override"));
    assertEquals(
        Map.of(
            "org.opencontainers.image.created",
            "2026-11-22T19:03:34Z",
            "org.opencontainers.image.source",
            "override",
            "org.opencontainers.image.revision",
            "r"),
        meta.manifestAnnotations());
  }

  @Test
  void controlCharactersAreEscapedLikeGo() {
    StringBuilder out = new StringBuilder();
    JsonText.string(out, "a\"b\\c\nd\u0001e\u2028");
    assertEquals("\"a\\\"b\\\\c\\nd\\u0001e\\u2028\"", out.toString());
  }
}
