package dev.hoist.preview;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When a workload is ready, decided as {@code kubectl rollout status} decides it for Deployments,
 * StatefulSets and DaemonSets (the controller saw the latest spec, every replica updated and
 * available) and as {@code kubectl wait --for=condition=complete} for Jobs; a Deployment past its
 * progress deadline and a failed Job are failed at once.
 */
final class Workloads {
  /** The kinds a preview waits for. */
  static final Set<String> KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");

  /** Where a workload stands. */
  enum State {
    WAITING,
    READY,
    FAILED
  }

  private Workloads() {}

  static State state(GenericKubernetesResource r) {
    Map<String, Object> spec = map(r.getAdditionalProperties().get("spec"));
    Map<String, Object> status = map(r.getAdditionalProperties().get("status"));
    if (r.getKind().equals("Job")) {
      if (condition(status, "Failed").filter("True"::equals).isPresent()) {
        return State.FAILED;
      }
      return condition(status, "Complete").filter("True"::equals).isPresent()
          ? State.READY
          : State.WAITING;
    }
    Long generation = r.getMetadata().getGeneration();
    if (generation != null && number(status, "observedGeneration") < generation) {
      return State.WAITING;
    }
    switch (r.getKind()) {
      case "Deployment" -> {
        if (reason(status, "Progressing").filter("ProgressDeadlineExceeded"::equals).isPresent()) {
          return State.FAILED;
        }
        long replicas = spec.containsKey("replicas") ? number(spec, "replicas") : 1;
        long updated = number(status, "updatedReplicas");
        return updated >= replicas
                && number(status, "replicas") <= updated
                && number(status, "availableReplicas") >= updated
            ? State.READY
            : State.WAITING;
      }
      case "StatefulSet" -> {
        long replicas = spec.containsKey("replicas") ? number(spec, "replicas") : 1;
        Object current = status.get("currentRevision");
        return number(status, "readyReplicas") >= replicas
                && number(status, "updatedReplicas") >= replicas
                && (current == null || current.equals(status.get("updateRevision")))
            ? State.READY
            : State.WAITING;
      }
      case "DaemonSet" -> {
        long desired = number(status, "desiredNumberScheduled");
        return number(status, "updatedNumberScheduled") >= desired
                && number(status, "numberAvailable") >= desired
            ? State.READY
            : State.WAITING;
      }
      default -> {
        return State.READY;
      }
    }
  }

  /** The {@code status} of the condition of {@code type}, if the object reports it. */
  static Optional<String> condition(Map<String, Object> status, String type) {
    return find(status, type).map(c -> String.valueOf(c.get("status")));
  }

  private static Optional<String> reason(Map<String, Object> status, String type) {
    return find(status, type).map(c -> String.valueOf(c.get("reason")));
  }

  /** The condition of {@code type} in {@code status.conditions}. */
  static Optional<Map<String, Object>> find(Map<String, Object> status, String type) {
    if (!(status.get("conditions") instanceof List<?> conditions)) {
      return Optional.empty();
    }
    return conditions.stream()
        .map(Workloads::map)
        .filter(c -> type.equals(c.get("type")))
        .findFirst();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static long number(Map<String, Object> map, String key) {
    return map.get(key) instanceof Number n ? n.longValue() : 0;
  }
}
