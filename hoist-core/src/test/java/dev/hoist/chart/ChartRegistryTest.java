package dev.hoist.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.artifact.TagConflictException;
import dev.hoist.oci.Digest;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hoist pushes charts to the real test registry; real Helm (helm-java, plain HTTP) pulls and
 * renders them back, and skopeo reads the manifest as any registry client would.
 */
@Tag("integration")
class ChartRegistryTest {
  @TempDir Path dir;
  private final List<String> progress = new ArrayList<>();

  private Charts charts() {
    return Charts.forRegistries(null, true, Map.of(), progress::add);
  }

  @Test
  void theExampleChartPushedByHoistIsPulledAndRenderedByHelmAndReadBySkopeo() throws Exception {
    String registry = RealParts.registry();
    String skopeo = RealParts.tool("skopeo").toString();
    String ns = "charts-it-" + System.nanoTime();
    Path hello = RealParts.repoRoot().resolve("deploy/charts/hello");
    ChartPush push = charts().push(hello, "oci://" + registry + "/" + ns, false);
    assertTrue(push.pushed());
    assertEquals("oci://" + registry + "/" + ns + "/hello", push.url());
    assertEquals("0.1.0", push.tag());

    String rendered =
        HelmLibrary.template(
            new HelmLibrary.Render(
                push.url(), "0.1.0", List.of(), Map.of(), "hello", null, null, true));
    assertTrue(rendered.contains("# Source: hello/templates/deployment.yaml"), rendered);
    assertTrue(rendered.contains("kind: HorizontalPodAutoscaler"), rendered);

    String ref = "docker://" + registry + "/" + ns + "/hello:0.1.0";
    String raw =
        Processes.run(dir, List.of(skopeo, "inspect", "--raw", "--tls-verify=false", ref))
            .requireSuccess()
            .stdout()
            .strip();
    assertEquals(push.digest(), Digest.sha256(raw.getBytes(StandardCharsets.UTF_8)).toString());
    JsonNode manifest = new ObjectMapper().readTree(raw);
    assertEquals(
        "application/vnd.cncf.helm.config.v1+json",
        manifest.path("config").path("mediaType").asText());
    assertEquals(1, manifest.path("layers").size());
    assertEquals(
        "application/vnd.cncf.helm.chart.content.v1.tar+gzip",
        manifest.path("layers").get(0).path("mediaType").asText());
    assertEquals(
        "hello", manifest.path("annotations").path("org.opencontainers.image.title").asText());
    assertEquals(
        "0.1.0", manifest.path("annotations").path("org.opencontainers.image.version").asText());

    ChartPuller.Pulled pulled = charts().pull(push.url(), "0.1.0", dir.resolve("pulled"), true);
    PackedChart local = new ChartPackager().pack(hello, null, null, dir.resolve("local"));
    assertArrayEquals(Files.readAllBytes(local.file()), Files.readAllBytes(pulled.file()));
    assertEquals(push.digest(), pulled.digest());
  }

  @Test
  void buildMetadataTagsImmutabilityAndPushingEveryChartOfAProject() throws Exception {
    String registry = RealParts.registry();
    String ns = "charts-it-" + System.nanoTime();
    Path project = dir.resolve("project");
    TestCharts.write(project.resolve("deploy/charts/app"), "app", "0.3.7+build.5");
    Files.writeString(
        project.resolve("hoist.yaml"),
        "project: p\nregistry: "
            + registry
            + "/"
            + ns
            + "\napps:\n  - {name: app, jar: app.jar}\noverlays: []\n"
            + "charts:\n  - path: deploy/charts/app\n    repository: helm\n");
    List<ChartPush> first = charts().pushAll(project.resolve("hoist.yaml"), null, false);
    assertEquals(1, first.size());
    assertTrue(first.get(0).pushed());
    assertEquals("0.3.7_build.5", first.get(0).tag());
    assertEquals("oci://" + registry + "/" + ns + "/helm/app", first.get(0).url());

    String rendered =
        HelmLibrary.template(
            new HelmLibrary.Render(
                first.get(0).url(), "0.3.7+build.5", List.of(), Map.of(), "r", null, null, true));
    assertTrue(rendered.contains("name: r-cm"), rendered);

    progress.clear();
    List<ChartPush> second = charts().pushAll(project.resolve("hoist.yaml"), null, false);
    assertFalse(second.get(0).pushed());
    assertEquals(first.get(0).digest(), second.get(0).digest());
    assertTrue(progress.stream().anyMatch(l -> l.startsWith("skipped ")), progress.toString());

    Files.writeString(project.resolve("deploy/charts/app/templates/more.yaml"), "# more\n");
    TagConflictException refused =
        assertThrows(
            TagConflictException.class,
            () -> charts().pushAll(project.resolve("hoist.yaml"), null, false));
    assertTrue(refused.getMessage().contains(first.get(0).digest()), refused.getMessage());
    ChartPush forced = charts().pushAll(project.resolve("hoist.yaml"), null, true).get(0);
    assertTrue(forced.pushed());
    assertFalse(forced.digest().equals(first.get(0).digest()));
  }
}
