package dev.hoist.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** skopeo reads what {@link OciLayout} writes. */
@Tag("integration")
@Timeout(120)
class OciLayoutIntegrationTest {
  @TempDir Path dir;

  @Test
  void skopeoInspectsAndCopiesTheLayout() throws Exception {
    String skopeo = RealParts.tool("skopeo").toString();
    Path layoutDir = dir.resolve("layout");
    TinyImage image = TinyImage.create("layout");
    image.pushTo(OciLayout.at(layoutDir), "v1", "v2");
    TinyImage.create("other").pushTo(OciLayout.at(layoutDir), "v2");

    String raw =
        Processes.run(null, List.of(skopeo, "inspect", "--raw", "oci:" + layoutDir + ":v1"), 60)
            .requireSuccess()
            .stdout();
    assertEquals(new String(image.manifest(), StandardCharsets.UTF_8), raw);
    JsonNode inspect =
        new ObjectMapper()
            .readTree(
                Processes.run(null, List.of(skopeo, "inspect", "oci:" + layoutDir + ":v1"), 60)
                    .requireSuccess()
                    .stdout());
    assertEquals(image.digest().toString(), inspect.path("Digest").asText());
    assertEquals(1, inspect.path("Layers").size());
    assertEquals(
        image.layerDescriptor().digest().toString(), inspect.path("Layers").get(0).asText());

    Path copy = dir.resolve("copy");
    Processes.run(
            null,
            List.of(skopeo, "copy", "oci:" + layoutDir + ":v1", "oci:" + copy + ":copied"),
            60)
        .requireSuccess();
    OciLayout copied = OciLayout.at(copy);
    assertEquals(java.util.Optional.of(image.digest()), copied.resolve("copied"));
    try (var in = copied.fetchBlob(image.layerDescriptor())) {
      assertTrue(java.util.Arrays.equals(image.layer(), in.readAllBytes()));
    }
    assertTrue(Files.isRegularFile(copy.resolve("oci-layout")));
  }
}
