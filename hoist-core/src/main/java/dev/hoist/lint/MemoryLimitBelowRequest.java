package dev.hoist.lint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A container whose memory limit is below its memory request. */
final class MemoryLimitBelowRequest extends BaseRule {
  MemoryLimitBelowRequest() {
    super(
        "memory-limit-below-request",
        Severity.ERROR,
        "a container's memory limit is below its request",
        "The API server refuses such a pod (limit < request), so the rollout stops at apply time"
            + " in the cluster, long after the merge; with an overlay patching only one of the two"
            + " it is an easy slip.",
        "Set resources.limits.memory to at least resources.requests.memory (equal is the usual"
            + " choice for memory).");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      if (!K8s.WORKLOADS.contains(K8s.kind(o))) {
        continue;
      }
      for (K8s.Container c : K8s.containers(o)) {
        Map<String, Object> resources = K8s.map(c.fields().get("resources"));
        Object request = K8s.map(resources.get("requests")).get("memory");
        Object limit = K8s.map(resources.get("limits")).get("memory");
        BigDecimal r = Quantities.parse(request);
        BigDecimal l = Quantities.parse(limit);
        if (r != null && l != null && l.compareTo(r) < 0) {
          out.add(
              overlay.finding(
                  this,
                  o,
                  c.at("resources", "limits", "memory"),
                  "container "
                      + c.name()
                      + ": memory limit "
                      + limit
                      + " is below its request "
                      + request));
        }
      }
    }
    return out;
  }
}
