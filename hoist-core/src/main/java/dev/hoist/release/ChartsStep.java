package dev.hoist.release;

import dev.hoist.chart.ChartRelease;
import dev.hoist.chart.Finding;
import dev.hoist.clusters.ChartImage;
import dev.hoist.run.ExitCode;
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
final class ChartsStep implements Step {
  @Override
  public String name() {
    return "charts";
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    Map<String, ChartImage> released = new LinkedHashMap<>();
    for (ReleaseContext.LocalImage image : ctx.built) {
      released.put(
          image.app, new ChartImage(image.repository, ctx.revision.version() + "@" + image.digest));
    }
    List<String> errors = new ArrayList<>();
    for (ChartRelease.UnitFinding found : ChartRelease.units(ctx.config, released)) {
      Finding finding = found.finding();
      boolean fatal =
          finding.error()
              && (!ctx.request.noLint()
                  || finding.rule().equals("chart-render")
                  || finding.rule().equals("chart-values"));
      if (fatal) {
        errors.add("unit " + found.unit() + ": " + finding);
      } else {
        ctx.progress.say("chart " + found.chart() + " (unit " + found.unit() + "): " + finding);
      }
    }
    for (String unit : ChartRelease.checkedUnits(ctx.config)) {
      ctx.progress.say("charts: checked the chart of unit " + unit + " with its release values");
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
