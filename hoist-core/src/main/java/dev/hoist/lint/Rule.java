package dev.hoist.lint;

import dev.hoist.config.ProjectConfig;
import java.util.List;

/**
 * A lint rule (kube-linter style, one file each): an id, a default severity, a one-line summary,
 * why it matters and how to fix it ({@code hoist lint --explain ID}), and the check itself over one
 * rendered overlay.
 */
public interface Rule {
  String id();

  Severity severity();

  String summary();

  String why();

  String fix();

  /** The findings in {@code overlay}, each with the rule's default severity. */
  List<Finding> check(LintedOverlay overlay);

  /**
   * Findings about the project as a whole (hoist.yaml, the overlays side by side), when every
   * overlay is linted; none for rules about single objects.
   */
  default List<Finding> checkProject(ProjectConfig config, List<LintedOverlay> overlays) {
    return List.of();
  }
}
