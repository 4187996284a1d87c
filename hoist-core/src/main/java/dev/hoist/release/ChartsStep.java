package dev.hoist.release;

import dev.hoist.chart.ChartRelease;
import dev.hoist.chart.Finding;
import dev.hoist.clusters.ChartImage;
import dev.hoist.config.ProjectConfig;
import dev.hoist.git.Revision;
import dev.hoist.run.ExitCode;
import dev.hoist.run.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before anything is pushed: each unit that installs one of the project's charts on a cluster has
 * the chart rendered by Helm with the values its HelmRelease will carry (the images being released
 * included) and the output checked ({@link ChartRelease}). An error stops the release; {@code
 * --no-lint} lets hoist's chart rules pass, never a chart that does not render. Helm is loaded only
 * when such a unit exists.
 */
final class ChartsStep {
  private ChartsStep() {}

  static void run(
      ProjectConfig config,
      Revision revision,
      List<LocalImage> built,
      boolean noLint,
      Progress progress)
      throws IOException {
    Map<String, ChartImage> released = new LinkedHashMap<>();
    for (LocalImage image : built) {
      released.put(
          image.app(),
          new ChartImage(image.repository(), revision.version() + "@" + image.digest()));
    }
    List<String> errors = new ArrayList<>();
    for (ChartRelease.UnitFinding found : ChartRelease.units(config, released)) {
      Finding finding = found.finding();
      boolean fatal =
          finding.error()
              && (!noLint
                  || finding.rule().equals("chart-render")
                  || finding.rule().equals("chart-values"));
      if (fatal) {
        errors.add("unit " + found.unit() + ": " + finding);
      } else {
        progress.say("chart " + found.chart() + " (unit " + found.unit() + "): " + finding);
      }
    }
    for (String unit : ChartRelease.checkedUnits(config)) {
      progress.say("charts: checked the chart of unit " + unit + " with its release values");
    }
    if (!errors.isEmpty()) {
      throw new ReleaseException(
          ExitCode.FAILURE,
          "the project's chart does not pass for its HelmRelease: "
              + String.join("; ", errors)
              + "; nothing was pushed");
    }
  }
}
