package dev.hoist.release;

import dev.hoist.chart.ChartRelease;
import dev.hoist.chart.Finding;
import dev.hoist.clusters.ChartImage;
import dev.hoist.clusters.FluxPlan;
import dev.hoist.config.ChartConfig;
import dev.hoist.config.FluxConfig.UnitConfig;
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
    for (UnitConfig unit : ctx.config.flux().units()) {
      if (unit.chart() == null || unit.chart().project() == null || !onACluster(ctx, unit)) {
        continue;
      }
      ChartConfig chart =
          ctx.config.charts().stream()
              .filter(c -> c.name().equals(unit.chart().project()))
              .findFirst()
              .orElseThrow();
      Object target = unit.release().get("targetNamespace");
      String namespace = target instanceof String t ? t : unit.namespace();
      List<Finding> findings =
          ChartRelease.check(
              chart,
              ctx.config.root().resolve(chart.path()),
              unit.name(),
              namespace,
              FluxPlan.helmValues(ctx.config, unit, released));
      for (Finding finding : findings) {
        boolean fatal =
            finding.error()
                && (!ctx.request.noLint()
                    || finding.rule().equals("chart-render")
                    || finding.rule().equals("chart-values"));
        if (fatal) {
          errors.add("unit " + unit.name() + ": " + finding);
        } else {
          ctx.progress.say("chart " + chart.name() + " (unit " + unit.name() + "): " + finding);
        }
      }
      ctx.progress.say(
          "chart " + chart.name() + ": renders for unit " + unit.name() + " (" + namespace + ")");
    }
    if (!errors.isEmpty()) {
      throw new ReleaseException(
          ExitCode.FAILURE,
          "the project's chart does not pass for its HelmRelease: "
              + String.join("; ", errors)
              + "; nothing was pushed");
    }
  }

  private static boolean onACluster(ReleaseContext ctx, UnitConfig unit) {
    return ctx.config.clusters().stream()
        .anyMatch(c -> ctx.config.flux().cluster(c.name()).units().contains(unit.name()));
  }
}
