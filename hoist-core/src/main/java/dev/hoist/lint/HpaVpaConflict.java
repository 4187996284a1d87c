package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** An HPA and a VPA that updates pods acting on the same workload and resource. */
final class HpaVpaConflict extends BaseRule {
  HpaVpaConflict() {
    super(
        "hpa-vpa-conflict",
        Severity.ERROR,
        "an HPA and an updating VPA act on the same workload and resource",
        "The VerticalPodAutoscaler raises the requests the HorizontalPodAutoscaler measures"
            + " utilisation against, so each undoes the other: replicas and requests oscillate.",
        "Let the VPA recommend only (updatePolicy.updateMode: \"Off\"), or scale the HPA on a"
            + " custom or external metric, or let the VPA control only the other resource"
            + " (resourcePolicy.containerPolicies[].controlledResources).");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> vpa : overlay.ofKind("VerticalPodAutoscaler")) {
      Map<String, Object> spec = K8s.map(vpa.get("spec"));
      Object mode = K8s.map(spec.get("updatePolicy")).getOrDefault("updateMode", "Auto");
      if ("Off".equals(String.valueOf(mode)) || "Initial".equals(String.valueOf(mode))) {
        continue;
      }
      Map<String, Object> ref = K8s.map(spec.get("targetRef"));
      Set<String> controlled = controlled(spec);
      for (Map<String, Object> hpa : overlay.ofKind("HorizontalPodAutoscaler")) {
        Map<String, Object> target = K8s.map(K8s.map(hpa.get("spec")).get("scaleTargetRef"));
        if (!Objects.equals(K8s.namespace(hpa), K8s.namespace(vpa))
            || !Objects.equals(ref.get("kind"), target.get("kind"))
            || !Objects.equals(K8s.str(ref.get("name")), K8s.str(target.get("name")))) {
          continue;
        }
        Set<String> both = new TreeSet<>(resources(hpa));
        both.retainAll(controlled);
        if (!both.isEmpty()) {
          out.add(
              overlay.finding(
                  this,
                  vpa,
                  List.of("spec", "targetRef"),
                  "updates "
                      + target.get("kind")
                      + "/"
                      + target.get("name")
                      + " in mode "
                      + mode
                      + " while HorizontalPodAutoscaler "
                      + K8s.name(hpa)
                      + " scales it on "
                      + String.join(" and ", both)));
        }
      }
    }
    return out;
  }

  /** The resources the VPA sets (default both). */
  private static Set<String> controlled(Map<String, Object> spec) {
    Set<String> out = new TreeSet<>();
    List<Object> policies = K8s.list(K8s.map(spec.get("resourcePolicy")).get("containerPolicies"));
    for (Object p : policies) {
      Map<String, Object> policy = K8s.map(p);
      if ("Off".equals(String.valueOf(policy.get("mode")))) {
        continue;
      }
      List<Object> resources = K8s.list(policy.get("controlledResources"));
      if (resources.isEmpty()) {
        out.addAll(Set.of("cpu", "memory"));
      }
      resources.forEach(r -> out.add(String.valueOf(r)));
    }
    return policies.isEmpty() ? new TreeSet<>(Set.of("cpu", "memory")) : out;
  }

  /** The resources an HPA's Resource and ContainerResource metrics scale on (v1: cpu). */
  private static Set<String> resources(Map<String, Object> hpa) {
    Set<String> out = new TreeSet<>();
    Map<String, Object> spec = K8s.map(hpa.get("spec"));
    if (spec.containsKey("targetCPUUtilizationPercentage")) {
      out.add("cpu");
    }
    List<Object> metrics = K8s.list(spec.get("metrics"));
    for (Object m : metrics) {
      Map<String, Object> metric = K8s.map(m);
      for (String type : List.of("resource", "containerResource")) {
        Object name = K8s.map(metric.get(type)).get("name");
        if (name != null) {
          out.add(String.valueOf(name));
        }
      }
    }
    if (metrics.isEmpty() && !spec.containsKey("targetCPUUtilizationPercentage")) {
      out.add("cpu"); // an HPA without metrics scales on 80 % CPU
    }
    return out;
  }
}
