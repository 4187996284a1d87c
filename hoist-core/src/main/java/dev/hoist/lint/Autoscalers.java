package dev.hoist.lint;

import java.util.List;
import java.util.Map;

/** The HorizontalPodAutoscalers of an overlay and what they target. */
final class Autoscalers {
  private Autoscalers() {}

  /** The HPAs in {@code overlay} whose scaleTargetRef names {@code workload}. */
  static List<Map<String, Object>> of(LintedOverlay overlay, Map<String, Object> workload) {
    return overlay.ofKind("HorizontalPodAutoscaler").stream()
        .filter(h -> java.util.Objects.equals(K8s.namespace(h), K8s.namespace(workload)))
        .filter(
            h -> {
              Map<String, Object> ref = K8s.map(K8s.map(h.get("spec")).get("scaleTargetRef"));
              return K8s.kind(workload).equals(ref.get("kind"))
                  && java.util.Objects.equals(K8s.name(workload), K8s.str(ref.get("name")));
            })
        .toList();
  }

  /** The workload an HPA targets, or null when the overlay has none of that kind and name. */
  static Map<String, Object> target(LintedOverlay overlay, Map<String, Object> hpa) {
    Map<String, Object> ref = K8s.map(K8s.map(hpa.get("spec")).get("scaleTargetRef"));
    for (Map<String, Object> o : overlay.objects()) {
      if (K8s.kind(o).equals(ref.get("kind"))
          && java.util.Objects.equals(K8s.name(o), K8s.str(ref.get("name")))
          && java.util.Objects.equals(K8s.namespace(o), K8s.namespace(hpa))) {
        return o;
      }
    }
    return null;
  }
}
