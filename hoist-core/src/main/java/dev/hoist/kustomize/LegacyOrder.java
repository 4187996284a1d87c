package dev.hoist.kustomize;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * kustomize's legacy output order: some kinds first, webhooks last, then by group_version_kind,
 * namespace, name.
 */
final class LegacyOrder {
  static final List<String> FIRST =
      List.of(
          "Namespace",
          "ResourceQuota",
          "StorageClass",
          "CustomResourceDefinition",
          "ServiceAccount",
          "PodSecurityPolicy",
          "Role",
          "ClusterRole",
          "RoleBinding",
          "ClusterRoleBinding",
          "ConfigMap",
          "Secret",
          "Endpoints",
          "Service",
          "LimitRange",
          "PriorityClass",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "Deployment",
          "StatefulSet",
          "CronJob",
          "PodDisruptionBudget");
  static final List<String> LAST =
      List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

  private LegacyOrder() {}

  static Comparator<Res> comparator(List<String> first, List<String> last) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < first.size(); i++) {
      index.put(first.get(i), i - first.size());
    }
    for (int i = 0; i < last.size(); i++) {
      index.put(last.get(i), i + 1);
    }
    return Comparator.<Res>comparingInt(r -> index.getOrDefault(r.kind(), 0))
        .thenComparing(LegacyOrder::gvk)
        .thenComparing(r -> or(r.namespace(), "~X") + "|" + or(r.name(), "~N"));
  }

  private static String gvk(Res r) {
    return or(r.group(), "~G") + "_" + or(r.version(), "~V") + "_" + or(r.kind(), "~K");
  }

  private static String or(String s, String dflt) {
    return s.isEmpty() ? dflt : s;
  }
}
