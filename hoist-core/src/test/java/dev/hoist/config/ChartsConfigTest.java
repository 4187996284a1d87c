package dev.hoist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsConfigTest {
  @TempDir Path dir;

  private static final String HEAD =
      """
      project: shop
      registry: ghcr.io/acme
      apps:
        - {name: backend, jar: target/b.jar}
        - {name: frontend, jar: target/f.jar}
      overlays: [dev]
      """;

  @BeforeEach
  void chart() throws IOException {
    Path chart = Files.createDirectories(dir.resolve("deploy/charts/doc-router"));
    Files.writeString(
        chart.resolve("Chart.yaml"), "apiVersion: v2\nname: doc-router\nversion: 0.3.7\n");
  }

  @Test
  void readsChartsWithTheirImageValuePaths() throws IOException {
    ProjectConfig c =
        Descriptors.load(
            dir,
            HEAD
                + """
                charts:
                  - path: deploy/charts/doc-router
                    images:
                      backend: {repository: backend.image.repository, tag: backend.image.tag}
                  - path: deploy/charts/doc-router/../doc-router2
                """
                    .replace("  - path: deploy/charts/doc-router/../doc-router2\n", ""));
    ChartConfig chart = c.charts().get(0);
    assertEquals(Path.of("deploy/charts/doc-router"), chart.path());
    assertEquals("charts", chart.repository());
    assertEquals("doc-router", chart.name());
    assertEquals(
        Map.of(
            "backend",
            new ChartConfig.ImageValues("backend.image.repository", "backend.image.tag")),
        chart.images());
    assertEquals(List.of(), Descriptors.load(dir, HEAD).charts());
  }

  @Test
  void refusesWhatCannotWork() {
    assertEquals(
        "hoist.yaml:8: charts[0].path: no Chart.yaml in deploy/charts/nope",
        Descriptors.error(dir, HEAD + "charts:\n  - path: deploy/charts/nope\n"));
    assertEquals(
        "hoist.yaml:10: charts[0].images.worker: unknown app 'worker' (not listed under apps)",
        Descriptors.error(
            dir,
            HEAD
                + "charts:\n  - path: deploy/charts/doc-router\n    images:\n"
                + "      worker: {repository: a.b, tag: a.c}\n"));
    assertEquals(
        "hoist.yaml:10: charts[0].images.backend.tag: 'a..c' is not a values path (keys joined by"
            + " '.')",
        Descriptors.error(
            dir,
            HEAD
                + "charts:\n  - path: deploy/charts/doc-router\n    images:\n"
                + "      backend: {repository: a.b, tag: a..c}\n"));
    assertEquals(
        "hoist.yaml:9: charts[0].repo: unknown key 'repo' (allowed: path, repository, images)",
        Descriptors.error(
            dir, HEAD + "charts:\n  - path: deploy/charts/doc-router\n    repo: x\n"));
  }
}
