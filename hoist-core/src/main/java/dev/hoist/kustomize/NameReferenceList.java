package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * kustomize v5.5's built-in name reference list (namereference.go): which fields of which kinds
 * name an object of which kind. {@link NameRefs} follows exactly these, no more and no less (but
 * for a Node's deprecated configSource).
 */
final class NameReferenceList {
  private NameReferenceList() {}

  static List<NameRefs.Ref> refs() {
    List<NameRefs.Ref> out = new ArrayList<>();
    // where each kind keeps its pod spec; kustomize v5.5's namereference list names different
    // workloads for different targets, so each target lists its own
    Map<String, String> podSpec = new HashMap<>();
    podSpec.put("Pod", "spec/");
    for (String k :
        List.of(
            "Deployment",
            "ReplicaSet",
            "DaemonSet",
            "StatefulSet",
            "Job",
            "ReplicationController")) {
      podSpec.put(k, "spec/template/spec/");
    }
    podSpec.put("CronJob", "spec/jobTemplate/spec/template/spec/");
    podSpec.put("PodTemplate", "template/spec/");
    List<String> configWorkloads =
        List.of(
            "Pod",
            "Deployment",
            "ReplicaSet",
            "DaemonSet",
            "StatefulSet",
            "Job",
            "CronJob",
            "PodTemplate");
    List<String> accountWorkloads =
        List.of(
            "Pod",
            "Deployment",
            "DaemonSet",
            "StatefulSet",
            "Job",
            "CronJob",
            "ReplicationController");
    Map<String, List<String>> pod =
        Map.of(
            "ConfigMap",
                List.of(
                    "volumes/configMap/name",
                    "containers/env/valueFrom/configMapKeyRef/name",
                    "initContainers/env/valueFrom/configMapKeyRef/name",
                    "containers/envFrom/configMapRef/name",
                    "initContainers/envFrom/configMapRef/name",
                    "volumes/projected/sources/configMap/name"),
            "Secret",
                List.of(
                    "volumes/secret/secretName",
                    "containers/env/valueFrom/secretKeyRef/name",
                    "initContainers/env/valueFrom/secretKeyRef/name",
                    "containers/envFrom/secretRef/name",
                    "initContainers/envFrom/secretRef/name",
                    "imagePullSecrets/name",
                    "volumes/projected/sources/secret/name"),
            "ServiceAccount", List.of("serviceAccountName"),
            "PersistentVolumeClaim", List.of("volumes/persistentVolumeClaim/claimName"));
    for (Map.Entry<String, List<String>> t : pod.entrySet()) {
      boolean config = t.getKey().equals("ConfigMap") || t.getKey().equals("Secret");
      for (String w : config ? configWorkloads : accountWorkloads) {
        for (String path : t.getValue()) {
          out.add(
              new NameRefs.Ref(t.getKey(), FieldSpec.of(w, podSpec.get(w) + path, false), false));
        }
      }
    }
    // Secrets named outside pod specs: ingress controllers' annotations, storage parameters, a
    // Knative Service's containers
    for (String a :
        List.of(
            "ingress.kubernetes.io\\/auth-secret",
            "nginx.ingress.kubernetes.io\\/auth-secret",
            "nginx.ingress.kubernetes.io\\/auth-tls-secret")) {
      out.add(
          new NameRefs.Ref(
              "Secret", FieldSpec.of("Ingress", "metadata/annotations/" + a, false), false));
    }
    out.add(
        new NameRefs.Ref(
            "ConfigMap",
            FieldSpec.of(
                "Ingress",
                "metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap",
                false),
            false));
    out.add(
        new NameRefs.Ref(
            "Secret", FieldSpec.of("PersistentVolume", "spec/azureFile/secretName", false), false));
    for (String p : List.of("adminSecretName", "secretName", "secretRef", "userSecretName")) {
      out.add(
          new NameRefs.Ref(
              "Secret", FieldSpec.of("StorageClass", "parameters/" + p, false), false));
    }
    out.add(
        new NameRefs.Ref(
            "Secret",
            FieldSpec.of(
                "serving.knative.dev",
                "Service",
                "spec/template/spec/containers/env/valueFrom/secretKeyRef/name",
                false),
            false));
    out.add(
        new NameRefs.Ref(
            "StorageClass",
            FieldSpec.of("StatefulSet", "spec/volumeClaimTemplates/spec/storageClassName", false),
            false));
    out.add(
        new NameRefs.Ref(
            "Secret", FieldSpec.of("ServiceAccount", "imagePullSecrets/name", false), false));
    out.add(
        new NameRefs.Ref("Secret", FieldSpec.of("Ingress", "spec/tls/secretName", false), false));
    for (String p :
        List.of(
            "spec/rules/http/paths/backend/serviceName",
            "spec/rules/http/paths/backend/service/name",
            "spec/backend/serviceName",
            "spec/defaultBackend/service/name")) {
      out.add(new NameRefs.Ref("Service", FieldSpec.of("Ingress", p, false), false));
    }
    out.add(
        new NameRefs.Ref(
            "Service", FieldSpec.of("apps", "StatefulSet", "spec/serviceName", false), false));
    out.add(
        new NameRefs.Ref("Service", FieldSpec.of("APIService", "spec/service/name", false), false));
    out.add(
        new NameRefs.Ref(
            "Service",
            FieldSpec.of(
                "ValidatingWebhookConfiguration", "webhooks/clientConfig/service/name", false),
            false));
    out.add(
        new NameRefs.Ref(
            "Service",
            FieldSpec.of(
                "MutatingWebhookConfiguration", "webhooks/clientConfig/service/name", false),
            false));
    for (String binding : List.of("RoleBinding", "ClusterRoleBinding")) {
      out.add(
          new NameRefs.Ref("ServiceAccount", FieldSpec.of(binding, "subjects/name", false), true));
      out.add(new NameRefs.Ref("ClusterRole", FieldSpec.of(binding, "roleRef/name", false), true));
    }
    out.add(new NameRefs.Ref("Role", FieldSpec.of("RoleBinding", "roleRef/name", false), true));
    out.add(
        new NameRefs.Ref(
            "PersistentVolume",
            FieldSpec.of("PersistentVolumeClaim", "spec/volumeName", false),
            false));
    out.add(
        new NameRefs.Ref(
            "StorageClass",
            FieldSpec.of("PersistentVolumeClaim", "spec/storageClassName", false),
            false));
    out.add(
        new NameRefs.Ref(
            "StorageClass",
            FieldSpec.of("PersistentVolume", "spec/storageClassName", false),
            false));
    for (String kind :
        List.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController")) {
      out.add(
          new NameRefs.Ref(
              kind,
              FieldSpec.of("HorizontalPodAutoscaler", "spec/scaleTargetRef/name", false),
              true));
    }
    // kustomize v5.5's namereference.go: names listed in RBAC rules, admission policy bindings,
    // priority and ingress classes
    for (String role : List.of("Role", "ClusterRole")) {
      out.add(
          new NameRefs.Ref("ConfigMap", FieldSpec.of(role, "rules/resourceNames", false), false));
      out.add(new NameRefs.Ref("Secret", FieldSpec.of(role, "rules/resourceNames", false), false));
    }
    out.add(
        new NameRefs.Ref(
            "PersistentVolume", FieldSpec.of("ClusterRole", "rules/resourceNames", false), false));
    out.add(
        new NameRefs.Ref(
            "ValidatingAdmissionPolicy",
            FieldSpec.of("ValidatingAdmissionPolicyBinding", "spec/policyName", false),
            false));
    out.add(
        new NameRefs.Ref(
            "PriorityClass", FieldSpec.of("Pod", "spec/priorityClassName", false), false));
    for (String kind :
        List.of("StatefulSet", "Deployment", "ReplicationController", "Job", "DaemonSet")) {
      out.add(
          new NameRefs.Ref(
              "PriorityClass",
              FieldSpec.of(kind, "spec/template/spec/priorityClassName", false),
              false));
    }
    out.add(
        new NameRefs.Ref(
            "PriorityClass",
            FieldSpec.of("CronJob", "spec/jobTemplate/spec/template/spec/priorityClassName", false),
            false));
    out.add(
        new NameRefs.Ref(
            "IngressClass", FieldSpec.of("Ingress", "spec/ingressClassName", false), false));
    return List.copyOf(out);
  }
}
