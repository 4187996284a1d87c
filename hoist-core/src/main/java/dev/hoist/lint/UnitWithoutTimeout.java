package dev.hoist.lint;

import dev.hoist.config.FluxConfig.UnitConfig;
import dev.hoist.config.ProjectConfig;
import java.util.ArrayList;
import java.util.List;

/** A Helm unit without a timeout of its own. */
final class UnitWithoutTimeout extends ProjectRule {
  UnitWithoutTimeout() {
    super(
        "unit-without-timeout",
        Severity.WARNING,
        "a Helm unit has no timeout",
        "Helm's default of 5 minutes is too short for a database or an operator that waits for"
            + " its CRDs and too long for a stateless app: the release fails and remediates in a"
            + " loop, or a broken upgrade holds the units that depend on it for minutes.",
        "Set timeout: on the unit in hoist.yaml (what the chart needs to become ready, e.g. 10m"
            + " for a database, 3m for an app).");
  }

  @Override
  public List<Finding> checkProject(ProjectConfig config, List<LintedOverlay> overlays) {
    List<Finding> out = new ArrayList<>();
    List<UnitConfig> units = config.flux().units();
    for (int i = 0; i < units.size(); i++) {
      UnitConfig unit = units.get(i);
      if (unit.chart() != null && !unit.release().containsKey("timeout")) {
        out.add(
            at(
                config,
                "units[" + i + "].name",
                "unit " + unit.name(),
                "installs its chart with Helm's default timeout (5m)"));
      }
    }
    return out;
  }
}
