package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A pod that mounts a directory of its node. */
final class HostPathVolume extends BaseRule {
  HostPathVolume() {
    super(
        "host-path-volume",
        Severity.WARNING,
        "a pod mounts a hostPath volume",
        "A hostPath volume ties the pod to what one node's disk holds, survives nothing the"
            + " scheduler does, and (for /var/run or /) hands the node to the container.",
        "Use an emptyDir, a PersistentVolumeClaim or a ConfigMap; if the node's files are the point"
            + " (a log agent), run it as a DaemonSet and ignore this rule for it with a reason.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      if (!K8s.WORKLOADS.contains(K8s.kind(o))) {
        continue;
      }
      List<Object> volumes = K8s.list(K8s.podSpec(o).get("volumes"));
      for (int i = 0; i < volumes.size(); i++) {
        Map<String, Object> volume = K8s.map(volumes.get(i));
        Map<String, Object> hostPath = K8s.map(volume.get("hostPath"));
        if (!hostPath.isEmpty()) {
          List<Object> path = new ArrayList<>(K8s.podSpecPath(o));
          path.addAll(List.of("volumes", i, "hostPath"));
          out.add(
              overlay.finding(
                  this,
                  o,
                  path,
                  "volume " + volume.get("name") + " mounts the node's " + hostPath.get("path")));
        }
      }
    }
    return out;
  }
}
