package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A pod volume naming a PersistentVolumeClaim that the overlay does not have. */
final class MissingClaim extends BaseRule {
  MissingClaim() {
    super(
        "missing-claim",
        Severity.ERROR,
        "a pod mounts a PersistentVolumeClaim the overlay does not define",
        "The pod stays Pending (\"persistentvolumeclaim not found\") until someone creates the claim"
            + " by hand, which the next environment will not have.",
        "Add the PersistentVolumeClaim to the overlay (with the same name after namePrefix), or use"
            + " a StatefulSet's volumeClaimTemplates.");
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
        String claim =
            K8s.str(K8s.map(K8s.map(volumes.get(i)).get("persistentVolumeClaim")).get("claimName"));
        if (claim == null) {
          continue;
        }
        boolean defined =
            overlay.ofKind("PersistentVolumeClaim").stream()
                .anyMatch(
                    p ->
                        Objects.equals(K8s.namespace(p), K8s.namespace(o))
                            && claim.equals(K8s.name(p)));
        if (!defined) {
          List<Object> path = new ArrayList<>(K8s.podSpecPath(o));
          path.addAll(List.of("volumes", i, "persistentVolumeClaim", "claimName"));
          out.add(
              overlay.finding(
                  this,
                  o,
                  path,
                  "claim " + claim + " is not a PersistentVolumeClaim of the overlay"));
        }
      }
    }
    return out;
  }
}
