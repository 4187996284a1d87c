package dev.hoist.release;

import dev.hoist.config.ProjectConfig;
import dev.hoist.lint.Finding;
import dev.hoist.lint.Lint;
import dev.hoist.lint.Severity;
import dev.hoist.run.ExitCode;
import dev.hoist.run.Progress;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code hoist lint} over the staged overlays (pinned as they will be pushed), before anything
 * is pushed: warnings are printed, an error stops the release unless {@code --no-lint}, which is
 * said loudly.
 */
final class LintStep {
  private LintStep() {}

  static void run(
      ProjectConfig config,
      List<RenderStagedStep.StagedOverlay> overlays,
      boolean noLint,
      Progress progress) {
    List<Finding> findings = new ArrayList<>();
    for (RenderStagedStep.StagedOverlay o : overlays) {
      findings.addAll(Lint.run(config, o.overlay(), o.dir(), o.rendered()));
    }
    for (Finding f : findings) {
      progress.say(
          "lint: "
              + f.severity().label()
              + " "
              + f.rule()
              + ": "
              + f.file()
              + ":"
              + f.line()
              + ": "
              + f.object()
              + ": "
              + f.message()
              + " [overlay "
              + f.overlay()
              + "]");
    }
    List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    if (errors.isEmpty()) {
      return;
    }
    if (noLint) {
      progress.say(
          "lint: WARNING: releasing despite "
              + errors.size()
              + " lint error(s) because of --no-lint");
      return;
    }
    Finding first = errors.get(0);
    throw new ReleaseException(
        ExitCode.FAILURE,
        "lint: "
            + errors.size()
            + " error(s), first: "
            + first.rule()
            + " in overlay "
            + first.overlay()
            + " at "
            + first.file()
            + ":"
            + first.line()
            + ": "
            + first.object()
            + ": "
            + first.message()
            + "; nothing was pushed (hoist lint lists them; --no-lint releases anyway)");
  }
}
