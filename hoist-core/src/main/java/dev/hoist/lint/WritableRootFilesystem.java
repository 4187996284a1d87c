package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A container whose root filesystem is writable. */
final class WritableRootFilesystem extends BaseRule {
  WritableRootFilesystem() {
    super(
        "writable-root-filesystem",
        Severity.WARNING,
        "a container can write to its root filesystem",
        "A writable root filesystem lets an intruder drop tools and change the app's files; it also"
            + " hides state (caches, uploads) that is lost at every restart.",
        "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the app must"
            + " write (/tmp).");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      if (!K8s.WORKLOADS.contains(K8s.kind(o))) {
        continue;
      }
      for (K8s.Container c : K8s.containers(o)) {
        Object readOnly = K8s.map(c.fields().get("securityContext")).get("readOnlyRootFilesystem");
        if (!Boolean.TRUE.equals(readOnly) && !"true".equals(String.valueOf(readOnly))) {
          out.add(
              overlay.finding(
                  this,
                  o,
                  c.path(),
                  "container " + c.name() + " does not set readOnlyRootFilesystem: true"));
        }
      }
    }
    return out;
  }
}
