package dev.hoist.chart;

import dev.hoist.clusters.ChartImage;
import dev.hoist.clusters.FluxPlan;
import dev.hoist.config.ChartConfig;
import dev.hoist.config.FluxConfig.UnitConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.run.HoistException;
import dev.hoist.yaml.GoYamlWriter;
import dev.hoist.yaml.SafeYaml;
import dev.hoist.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code hoist release}'s check of a unit that installs one of the project's charts: the chart
 * rendered by Helm with the values its HelmRelease will carry (hoist.yaml's values and the images
 * being released), the output checked as {@code hoist validate} and {@code hoist chart lint} check
 * it, and every {@code charts[].images} path present in the chart's values.yaml (a pin written to a
 * path the chart does not read would change nothing).
 */
public final class ChartRelease {
  private ChartRelease() {}

  /** A finding of the chart a unit installs. */
  public record UnitFinding(String unit, String chart, String namespace, Finding finding) {}

  /**
   * Every unit on a cluster that installs one of the project's charts, checked with the values its
   * HelmRelease carries when a release publishes {@code released} (by app; empty: the chart's own
   * image values). Helm is loaded only when there is such a unit.
   */
  public static List<UnitFinding> units(ProjectConfig config, Map<String, ChartImage> released)
      throws IOException {
    List<UnitFinding> out = new ArrayList<>();
    for (UnitConfig unit : config.flux().units()) {
      if (unit.chart() == null || unit.chart().project() == null || !onACluster(config, unit)) {
        continue;
      }
      ChartConfig chart =
          config.charts().stream()
              .filter(c -> c.name().equals(unit.chart().project()))
              .findFirst()
              .orElseThrow();
      Object target = unit.release().get("targetNamespace");
      String namespace = target instanceof String t ? t : unit.namespace();
      for (Finding finding :
          check(
              chart,
              config.root().resolve(chart.path()),
              unit.name(),
              namespace,
              FluxPlan.helmValues(config, unit, released))) {
        out.add(new UnitFinding(unit.name(), chart.name(), namespace, finding));
      }
    }
    return out;
  }

  /** The units {@link #units} checks. */
  public static List<String> checkedUnits(ProjectConfig config) {
    return config.flux().units().stream()
        .filter(u -> u.chart() != null && u.chart().project() != null && onACluster(config, u))
        .map(UnitConfig::name)
        .toList();
  }

  private static boolean onACluster(ProjectConfig config, UnitConfig unit) {
    return config.clusters().stream()
        .anyMatch(c -> config.flux().cluster(c.name()).units().contains(unit.name()));
  }

  /**
   * The findings for unit {@code release} (its HelmRelease name) of chart {@code chart} at {@code
   * dir}, rendered into {@code namespace} with {@code values}.
   */
  public static List<Finding> check(
      ChartConfig chart, Path dir, String release, String namespace, Map<String, Object> values)
      throws IOException {
    ChartFile file = ChartFile.load(dir);
    List<Finding> findings = new ArrayList<>(valuePaths(chart, dir));
    Path work = Files.createTempDirectory("hoist-chart-values-");
    Path valuesFile = work.resolve("values.yaml");
    try {
      Files.writeString(valuesFile, GoYamlWriter.marshal(values), StandardCharsets.UTF_8);
      String rendered;
      try {
        rendered =
            HelmLibrary.template(
                new HelmLibrary.Render(
                    dir.toString(),
                    null,
                    List.of(valuesFile),
                    Map.of(),
                    release,
                    namespace,
                    null,
                    false));
      } catch (HoistException e) {
        findings.add(
            new Finding(
                dir.toString(),
                0,
                "chart-render",
                "does not render with the values of HelmRelease " + release + ": " + e.getMessage(),
                true));
        return findings;
      }
      findings.addAll(ChartChecks.rendered(rendered));
      findings.addAll(ChartLint.validate(file, rendered));
      return findings;
    } finally {
      Files.deleteIfExists(valuesFile);
      Files.deleteIfExists(work);
    }
  }

  /** Each {@code charts[].images} path must name a value of the chart's values.yaml. */
  static List<Finding> valuePaths(ChartConfig chart, Path dir) throws IOException {
    Path valuesYaml = dir.resolve("values.yaml");
    YamlNode values =
        Files.isRegularFile(valuesYaml)
            ? SafeYaml.parse(Files.readString(valuesYaml), valuesYaml.toString())
            : null;
    List<Finding> out = new ArrayList<>();
    chart
        .images()
        .forEach(
            (app, paths) -> {
              for (String path : List.of(paths.repository(), paths.tag())) {
                if (!present(values, path)) {
                  out.add(
                      new Finding(
                          valuesYaml.toString(),
                          0,
                          "chart-values",
                          chart.field()
                              + ".images."
                              + app
                              + ": '"
                              + path
                              + "' is not a value of the chart (the image would not reach it)",
                          true));
                }
              }
            });
    return out;
  }

  private static boolean present(YamlNode values, String path) {
    YamlNode node = values;
    for (String key : path.split("\\.", -1)) {
      if (!(node instanceof YamlNode.Mapping m) || !m.entries().containsKey(key)) {
        return false;
      }
      node = m.entries().get(key);
    }
    return true;
  }
}
