package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Jobs without backoffLimit or ttlSecondsAfterFinished; CronJobs without concurrencyPolicy. */
final class JobLimits extends BaseRule {
  JobLimits() {
    super(
        "job-limits",
        Severity.WARNING,
        "a Job retries or lingers without limits, or a CronJob may overlap itself",
        "A failing Job retries 6 times by default and stays forever without a TTL; a CronJob"
            + " without concurrencyPolicy starts a new run while the last one still works"
            + " (two migrations at once).",
        "Set spec.backoffLimit and spec.ttlSecondsAfterFinished on Jobs, and"
            + " spec.concurrencyPolicy: Forbid (or Replace) on CronJobs.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> job : overlay.ofKind("Job")) {
      Map<String, Object> spec = K8s.map(job.get("spec"));
      List<String> missing = new ArrayList<>();
      for (String field : List.of("backoffLimit", "ttlSecondsAfterFinished")) {
        if (!spec.containsKey(field)) {
          missing.add(field);
        }
      }
      if (!missing.isEmpty()) {
        out.add(
            overlay.finding(
                this, job, List.of("spec"), "sets no " + String.join(" and no ", missing)));
      }
    }
    for (Map<String, Object> cron : overlay.ofKind("CronJob")) {
      if (!K8s.map(cron.get("spec")).containsKey("concurrencyPolicy")) {
        out.add(
            overlay.finding(
                this,
                cron,
                List.of("spec"),
                "sets no concurrencyPolicy (Allow: runs may overlap)"));
      }
    }
    return out;
  }
}
