package dev.hoist.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.oci.Digest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Parsing and validation of the image stage's value types. */
class ImageValuesTest {
  private static final String PIN = "sha256:" + "ab".repeat(32);

  @Test
  void baseImageParsesScratchTarAndRegistryReferences() {
    assertEquals(BaseImage.scratch(), BaseImage.parse("scratch"));
    assertEquals(
        new BaseImage(BaseImage.Kind.TAR, null, Path.of("/images/java.tar")),
        BaseImage.parse("tar:/images/java.tar"));
    BaseImage pinned = BaseImage.parse("registry.example:5000/java/jre:17@" + PIN);
    assertEquals(
        new BaseImage(BaseImage.Kind.REGISTRY, "registry.example:5000/java/jre:17@" + PIN, null),
        pinned);
    assertTrue(pinned.pinned());
    assertFalse(BaseImage.parse("eclipse-temurin:17-jre").pinned());
    assertEquals("tar:/images/java.tar", BaseImage.parse("tar:/images/java.tar").toString());
    assertEquals("scratch", BaseImage.scratch().toString());
  }

  @Test
  void badBaseImagesAreNamed() {
    assertEquals(
        "invalid base image reference: Not A/Ref!",
        assertThrows(IllegalArgumentException.class, () -> BaseImage.parse("Not A/Ref!"))
            .getMessage());
    assertEquals(
        "base image tar path is empty: tar:",
        assertThrows(IllegalArgumentException.class, () -> BaseImage.parse("tar:")).getMessage());
    assertEquals(
        "base image TAR cannot be insecure",
        assertThrows(
                IllegalArgumentException.class,
                () -> BaseImage.parse("tar:/x.tar").withInsecure(true))
            .getMessage());
    assertTrue(BaseImage.parse("reg.example/java:17").withInsecure(true).insecure());
    assertEquals(
        "base image is empty",
        assertThrows(IllegalArgumentException.class, () -> BaseImage.parse(" ")).getMessage());
  }

  @Test
  void requestSetsTheCreatedLabelInUtcSecondsWhateverTheTimeZone() {
    TimeZone saved = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
    try {
      ImageRequest request =
          new ImageRequest(
              BaseImage.scratch(),
              Instant.parse("2026-03-04T05:06:07.891Z"),
              List.of("v1"),
              Map.of(
                  ImageRequest.LABEL_SOURCE,
                  "s",
                  ImageRequest.LABEL_REVISION,
                  "r",
                  ImageRequest.LABEL_VERSION,
                  "v"),
              "1.0");
      assertEquals(
          List.of(
              Map.entry("org.opencontainers.image.created", "2026-03-04T05:06:07Z"),
              Map.entry("org.opencontainers.image.revision", "r"),
              Map.entry("org.opencontainers.image.source", "s"),
              Map.entry("org.opencontainers.image.version", "v")),
          List.copyOf(request.imageLabels().entrySet()));
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void requestNeedsTheSourceRevisionAndVersionLabels() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ImageRequest(
                    BaseImage.scratch(),
                    Instant.EPOCH,
                    List.of(),
                    Map.of(ImageRequest.LABEL_SOURCE, "s", ImageRequest.LABEL_VERSION, "v"),
                    "1.0"));
    assertEquals("image label org.opencontainers.image.revision is missing", e.getMessage());
    IllegalArgumentException conflict =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ImageRequest(
                    BaseImage.scratch(),
                    Instant.EPOCH,
                    List.of(),
                    Map.of(
                        ImageRequest.LABEL_SOURCE,
                        "s",
                        ImageRequest.LABEL_REVISION,
                        "r",
                        ImageRequest.LABEL_VERSION,
                        "v",
                        ImageRequest.LABEL_CREATED,
                        "2020-01-01T00:00:00Z"),
                    "1.0"));
    assertEquals(
        "image label org.opencontainers.image.created=2020-01-01T00:00:00Z differs from created "
            + "1970-01-01T00:00:00Z",
        conflict.getMessage());
    assertEquals(
        "invalid image tag: -bad",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new ImageRequest(
                        BaseImage.scratch(), Instant.EPOCH, List.of("-bad"), Map.of(), "1.0"))
            .getMessage());
  }

  @Test
  void registryTargetNeedsAHostAndALowercasePath() {
    assertEquals(
        "127.0.0.1:5000/team/demo",
        ImageTarget.registry("127.0.0.1:5000/team/demo", true).repository());
    assertEquals(
        "image repository is not host[:port]/path: demo/app",
        assertThrows(IllegalArgumentException.class, () -> ImageTarget.registry("demo/app", false))
            .getMessage());
    assertEquals(
        "image repository is not host[:port]/path: reg.example/Demo:v1",
        assertThrows(
                IllegalArgumentException.class,
                () -> ImageTarget.registry("reg.example/Demo:v1", false))
            .getMessage());
    assertEquals(
        "Credentials[username=u, password=***]", new ImageTarget.Credentials("u", "p").toString());
    assertEquals(Optional.empty(), ImageTarget.registry("localhost/x", false).credentials().get());
  }

  @Test
  void jvmAppRejectsBadPortsEnvAndWorkingDirectory() {
    Path jar = Path.of("app.jar");
    assertEquals(
        "JVM app demo: port out of range: 70000",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new JvmApp(
                        "demo", jar, null, null, null, null, List.of(70000), null, null, null))
            .getMessage());
    assertEquals(
        "JVM app demo: invalid environment variable name: A=B",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new JvmApp(
                        "demo", jar, null, null, null, null, null, Map.of("A=B", "x"), null, null))
            .getMessage());
    assertEquals(
        "JVM app demo: working directory is not absolute: app",
        assertThrows(
                IllegalArgumentException.class,
                () -> new JvmApp("demo", jar, null, null, null, null, null, null, "app", null))
            .getMessage());
  }

  @Test
  void builtImageRefPinsTheDigest() {
    Digest digest = Digest.parse(PIN);
    assertEquals(
        "127.0.0.1:5000/demo@" + PIN,
        new BuiltImage("demo", "127.0.0.1:5000/demo", digest, List.of("v1")).ref());
  }
}
