package dev.hoist.lint;

import dev.hoist.config.ProjectConfig;
import java.util.List;

/** A rule about hoist.yaml or the overlays side by side: nothing to check in one overlay. */
abstract class ProjectRule extends BaseRule {
  ProjectRule(String id, Severity severity, String summary, String why, String fix) {
    super(id, severity, summary, why, fix);
  }

  @Override
  public final List<Finding> check(LintedOverlay overlay) {
    return List.of();
  }

  /** A finding at hoist.yaml's line of {@code field} (e.g. {@code clusters[0].ref}). */
  Finding at(ProjectConfig config, String field, String object, String message) {
    String file = config.root().relativize(config.file().toAbsolutePath().normalize()).toString();
    if (file.startsWith("..")) {
      file = config.file().toString();
    }
    int line = config.lines().getOrDefault(field, 0);
    return new Finding(id(), severity(), "", file, line, object, message);
  }
}
