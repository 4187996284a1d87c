package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A container that may gain more privileges than its process started with. */
final class PrivilegeEscalation extends BaseRule {
  PrivilegeEscalation() {
    super(
        "privilege-escalation",
        Severity.WARNING,
        "a container allows privilege escalation",
        "Unless allowPrivilegeEscalation is false, a setuid binary in the image can give the"
            + " process more rights than it started with (the Pod Security 'restricted' profile"
            + " refuses it).",
        "Set securityContext.allowPrivilegeEscalation: false on every container.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      if (!K8s.WORKLOADS.contains(K8s.kind(o))) {
        continue;
      }
      for (K8s.Container c : K8s.containers(o)) {
        Object allow = K8s.map(c.fields().get("securityContext")).get("allowPrivilegeEscalation");
        if (!"false".equals(String.valueOf(allow))) {
          out.add(
              overlay.finding(
                  this,
                  o,
                  c.path(),
                  "container " + c.name() + " does not set allowPrivilegeEscalation: false"));
        }
      }
    }
    return out;
  }
}
