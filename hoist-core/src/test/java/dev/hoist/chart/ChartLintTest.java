package dev.hoist.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lint and template on real Helm (in-process). */
class ChartLintTest {
  @TempDir Path dir;

  private final Charts charts = new Charts(ref -> null, line -> {});

  @Test
  void theExampleChartPassesEveryCheck() throws Exception {
    Path hello = RealParts.repoRoot().resolve("deploy/charts/hello");
    ChartLint.Report r = charts.lint(List.of(hello), true, List.of(), Map.of()).get(0);
    assertFalse(r.failed(), r.helm() + " " + r.findings());
    assertEquals(List.of(), r.findings());
    String out = charts.template(hello, List.of(), Map.of(), "hello", "web", "1.30.0");
    for (String kind :
        List.of("Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "Job")) {
      assertTrue(out.contains("\nkind: " + kind + "\n"), kind);
    }
    assertTrue(out.contains("\"helm.sh/hook\": pre-upgrade"));
  }

  @Test
  void valuesAndSetReachTheRender() throws Exception {
    Path c = TestCharts.write(dir.resolve("c"), "app", "1.0.0");
    Path values = dir.resolve("v.yaml");
    Files.writeString(values, "image: {repository: from-file}\n");
    String out = charts.template(c, List.of(values), Map.of("image.tag", "9"), "rel", null, null);
    assertTrue(out.contains("image: from-file:9"), out);
    assertTrue(out.contains("name: rel-cm"), out);
  }

  @Test
  void aTemplateThatFailsIsOneLineNamingTheFileAndLintFailsWithIt() throws Exception {
    Path c = TestCharts.write(dir.resolve("c"), "app", "1.0.0");
    Files.writeString(c.resolve("templates/bad.yaml"), "x: {{ .Values.missing.deeper }}\n");
    HoistException e =
        assertThrows(
            HoistException.class, () -> charts.template(c, List.of(), Map.of(), null, null, null));
    assertEquals(ExitCode.CONFIG, e.exitCode());
    assertTrue(e.getMessage().contains("app/templates/bad.yaml:1:"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    ChartLint.Report r = charts.lint(List.of(c), false, List.of(), Map.of()).get(0);
    assertTrue(r.failed());
    assertTrue(r.helmFailed());
    assertTrue(
        r.findings().stream().anyMatch(f -> f.rule().equals("chart-render")),
        r.findings().toString());
  }

  @Test
  void hoistsChecksFailTheLintOfAChartHelmAccepts() throws Exception {
    Path c = TestCharts.write(dir.resolve("c"), "app", "1.0.0");
    Files.writeString(
        c.resolve("templates/deploy.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n"
            + "  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n"
            + "    spec:\n      containers:\n        - name: c\n          image: busybox:1\n");
    ChartLint.Report r = charts.lint(List.of(c), false, List.of(), Map.of()).get(0);
    assertFalse(r.helmFailed(), r.helm().toString());
    assertTrue(r.failed());
    assertEquals(
        List.of("chart-image-from-values", "chart-probes", "chart-resource-requests"),
        r.findings().stream().map(Finding::rule).toList());
  }
}
