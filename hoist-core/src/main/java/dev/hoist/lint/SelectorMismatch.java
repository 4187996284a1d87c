package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A workload whose selector does not match its own pod template's labels. */
final class SelectorMismatch extends BaseRule {
  private static final Set<String> SELECTED =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");

  SelectorMismatch() {
    super(
        "selector-mismatch",
        Severity.ERROR,
        "a workload's selector does not match its pod template",
        "The API server refuses it (selector does not match template labels), after everything"
            + " before it in the artifact was applied.",
        "Make spec.selector.matchLabels a subset of spec.template.metadata.labels.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      if (!SELECTED.contains(K8s.kind(o))) {
        continue;
      }
      Map<String, Object> match =
          K8s.map(K8s.map(K8s.map(o.get("spec")).get("selector")).get("matchLabels"));
      if (!match.isEmpty() && !K8s.selects(match, K8s.templateLabels(o))) {
        out.add(
            overlay.finding(
                this,
                o,
                List.of("spec", "selector"),
                "selector "
                    + match
                    + " does not match the template labels "
                    + K8s.templateLabels(o)));
      }
    }
    return out;
  }
}
