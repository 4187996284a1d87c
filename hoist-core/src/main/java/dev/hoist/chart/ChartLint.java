package dev.hoist.chart;

import dev.hoist.run.HoistException;
import dev.hoist.validate.CrdSchemas;
import dev.hoist.validate.Problem;
import dev.hoist.validate.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code hoist chart lint} for one chart: Helm's linter, then the chart rendered with the given
 * values through Helm's template engine, its output checked as {@code hoist validate} checks
 * objects, and hoist's own chart checks ({@link ChartChecks}).
 */
public final class ChartLint {
  private ChartLint() {}

  /**
   * One chart's outcome: Helm's messages and hoist's findings.
   *
   * @param helmFailed Helm's linter reported an error
   */
  public record Report(
      String chart, Path dir, List<String> helm, boolean helmFailed, List<Finding> findings) {
    public boolean failed() {
      return helmFailed || findings.stream().anyMatch(Finding::error);
    }
  }

  static Report lint(ChartFile chart, boolean strict, List<Path> values, Map<String, String> set)
      throws IOException {
    HelmLibrary.Lint helm = HelmLibrary.lint(chart.dir(), strict);
    List<Finding> findings = new ArrayList<>(ChartChecks.sources(chart.dir()));
    String rendered = null;
    try {
      rendered =
          HelmLibrary.template(
              new HelmLibrary.Render(
                  chart.dir().toString(), null, values, set, chart.name(), null, null, false));
    } catch (HoistException e) {
      findings.add(new Finding(chart.dir().toString(), 0, "chart-render", e.getMessage(), true));
    }
    if (rendered != null) {
      findings.addAll(ChartChecks.rendered(rendered));
      findings.addAll(validate(chart, rendered));
    }
    return new Report(chart.name(), chart.dir(), helm.messages(), helm.failed(), findings);
  }

  /** The rendered objects checked as {@code hoist validate} checks them (no CRDs). */
  static List<Finding> validate(ChartFile chart, String rendered) throws IOException {
    Path dir = Files.createTempDirectory("hoist-chart-render-");
    Path file = dir.resolve(chart.name() + ".yaml");
    try {
      Files.writeString(file, rendered, StandardCharsets.UTF_8);
      List<Finding> out = new ArrayList<>();
      for (Problem p : Validation.run(List.of(file), CrdSchemas.none()).problems()) {
        out.add(
            new Finding(
                chart.name() + " (rendered)",
                p.line(),
                "validate",
                p.object() + " " + p.path() + ": " + p.message(),
                true));
      }
      return out;
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}
