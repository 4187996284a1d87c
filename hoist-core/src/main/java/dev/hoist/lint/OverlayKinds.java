package dev.hoist.lint;

import dev.hoist.config.ProjectConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Kinds of objects that one of dev and production has and the other has not. */
final class OverlayKinds extends ProjectRule {
  OverlayKinds() {
    super(
        "overlay-kinds-differ",
        Severity.WARNING,
        "a production overlay and the first other overlay hold different kinds of objects",
        "What dev never runs is never tested: an HPA, a PodDisruptionBudget or a NetworkPolicy that"
            + " exists only in production meets the app for the first time there (and the other"
            + " way round, dev-only objects hide what production lacks).",
        "Move the kind to the base (with environment values in the overlays), or ignore this rule"
            + " in hoist.yaml (lint: {disable: [overlay-kinds-differ]}) when the difference is"
            + " meant.");
  }

  @Override
  public List<Finding> checkProject(ProjectConfig config, List<LintedOverlay> overlays) {
    List<Finding> out = new ArrayList<>();
    LintedOverlay dev = overlays.stream().filter(o -> !o.production()).findFirst().orElse(null);
    if (dev == null) {
      return out;
    }
    for (LintedOverlay prod : overlays) {
      if (!prod.production()) {
        continue;
      }
      Set<String> onlyProd = kinds(prod);
      onlyProd.removeAll(kinds(dev));
      Set<String> onlyDev = kinds(dev);
      onlyDev.removeAll(kinds(prod));
      if (onlyProd.isEmpty() && onlyDev.isEmpty()) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      if (!onlyProd.isEmpty()) {
        parts.add("only " + prod.name() + " has " + String.join(", ", onlyProd));
      }
      if (!onlyDev.isEmpty()) {
        parts.add("only " + dev.name() + " has " + String.join(", ", onlyDev));
      }
      out.add(
          at(
              config,
              "overlays",
              "overlays " + dev.name() + " and " + prod.name(),
              String.join("; ", parts)));
    }
    return out;
  }

  private static Set<String> kinds(LintedOverlay overlay) {
    Set<String> out = new TreeSet<>();
    overlay.objects().forEach(o -> out.add(K8s.kind(o)));
    return out;
  }
}
