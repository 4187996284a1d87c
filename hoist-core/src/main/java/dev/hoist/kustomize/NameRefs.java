package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites references to renamed resources (prefix, suffix, hash) at exactly the fields of
 * kustomize v5.5's built-in name reference list (namereference.go), no more (a ReplicaSet's
 * serviceAccountName is not on it) and no less, but for a Node's deprecated configSource.
 */
final class NameRefs {
  /**
   * A referring field: the target kind (and version, empty for any), where it is, and whether the
   * field's map names the kind itself.
   */
  record Ref(String target, String version, FieldSpec spec, boolean kindField) {
    Ref(String target, FieldSpec spec, boolean kindField) {
      this(target, "", spec, kindField);
    }
  }

  static final List<Ref> REFS = refs();

  private NameRefs() {}

  private static List<Ref> refs() {
    List<Ref> out = new ArrayList<>();
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
          out.add(new Ref(t.getKey(), FieldSpec.of(w, podSpec.get(w) + path, false), false));
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
          new Ref("Secret", FieldSpec.of("Ingress", "metadata/annotations/" + a, false), false));
    }
    out.add(
        new Ref(
            "ConfigMap",
            FieldSpec.of(
                "Ingress",
                "metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap",
                false),
            false));
    out.add(
        new Ref(
            "Secret", FieldSpec.of("PersistentVolume", "spec/azureFile/secretName", false), false));
    for (String p : List.of("adminSecretName", "secretName", "secretRef", "userSecretName")) {
      out.add(new Ref("Secret", FieldSpec.of("StorageClass", "parameters/" + p, false), false));
    }
    out.add(
        new Ref(
            "Secret",
            FieldSpec.of(
                "serving.knative.dev",
                "Service",
                "spec/template/spec/containers/env/valueFrom/secretKeyRef/name",
                false),
            false));
    out.add(
        new Ref(
            "StorageClass",
            FieldSpec.of("StatefulSet", "spec/volumeClaimTemplates/spec/storageClassName", false),
            false));
    out.add(
        new Ref("Secret", FieldSpec.of("ServiceAccount", "imagePullSecrets/name", false), false));
    out.add(new Ref("Secret", FieldSpec.of("Ingress", "spec/tls/secretName", false), false));
    for (String p :
        List.of(
            "spec/rules/http/paths/backend/serviceName",
            "spec/rules/http/paths/backend/service/name",
            "spec/backend/serviceName",
            "spec/defaultBackend/service/name")) {
      out.add(new Ref("Service", FieldSpec.of("Ingress", p, false), false));
    }
    out.add(
        new Ref("Service", FieldSpec.of("apps", "StatefulSet", "spec/serviceName", false), false));
    out.add(new Ref("Service", FieldSpec.of("APIService", "spec/service/name", false), false));
    out.add(
        new Ref(
            "Service",
            FieldSpec.of(
                "ValidatingWebhookConfiguration", "webhooks/clientConfig/service/name", false),
            false));
    out.add(
        new Ref(
            "Service",
            FieldSpec.of(
                "MutatingWebhookConfiguration", "webhooks/clientConfig/service/name", false),
            false));
    for (String binding : List.of("RoleBinding", "ClusterRoleBinding")) {
      out.add(new Ref("ServiceAccount", FieldSpec.of(binding, "subjects/name", false), true));
      out.add(new Ref("ClusterRole", FieldSpec.of(binding, "roleRef/name", false), true));
    }
    out.add(new Ref("Role", FieldSpec.of("RoleBinding", "roleRef/name", false), true));
    out.add(
        new Ref(
            "PersistentVolume",
            FieldSpec.of("PersistentVolumeClaim", "spec/volumeName", false),
            false));
    out.add(
        new Ref(
            "StorageClass",
            FieldSpec.of("PersistentVolumeClaim", "spec/storageClassName", false),
            false));
    out.add(
        new Ref(
            "StorageClass",
            FieldSpec.of("PersistentVolume", "spec/storageClassName", false),
            false));
    for (String kind :
        List.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController")) {
      out.add(
          new Ref(
              kind,
              FieldSpec.of("HorizontalPodAutoscaler", "spec/scaleTargetRef/name", false),
              true));
    }
    // kustomize v5.5's namereference.go: names listed in RBAC rules, admission policy bindings,
    // priority and ingress classes
    for (String role : List.of("Role", "ClusterRole")) {
      out.add(new Ref("ConfigMap", FieldSpec.of(role, "rules/resourceNames", false), false));
      out.add(new Ref("Secret", FieldSpec.of(role, "rules/resourceNames", false), false));
    }
    out.add(
        new Ref(
            "PersistentVolume", FieldSpec.of("ClusterRole", "rules/resourceNames", false), false));
    out.add(
        new Ref(
            "ValidatingAdmissionPolicy",
            FieldSpec.of("ValidatingAdmissionPolicyBinding", "spec/policyName", false),
            false));
    out.add(new Ref("PriorityClass", FieldSpec.of("Pod", "spec/priorityClassName", false), false));
    for (String kind :
        List.of("StatefulSet", "Deployment", "ReplicationController", "Job", "DaemonSet")) {
      out.add(
          new Ref(
              "PriorityClass",
              FieldSpec.of(kind, "spec/template/spec/priorityClassName", false),
              false));
    }
    out.add(
        new Ref(
            "PriorityClass",
            FieldSpec.of("CronJob", "spec/jobTemplate/spec/template/spec/priorityClassName", false),
            false));
    out.add(
        new Ref("IngressClass", FieldSpec.of("Ingress", "spec/ingressClassName", false), false));
    return List.copyOf(out);
  }

  static void fix(List<Res> resources, List<Ref> refs) {
    Map<String, List<Res>> byKind = new HashMap<>();
    for (Res r : resources) {
      byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
    }
    for (Res referrer : resources) {
      for (Ref ref : refs) {
        List<Res> candidates = byKind.get(ref.target());
        if (candidates == null || !ref.spec().applies(referrer)) {
          continue;
        }
        if (!ref.version().isEmpty()) {
          candidates = candidates.stream().filter(c -> c.version().equals(ref.version())).toList();
        }
        List<Res> targets = candidates;
        ref.spec()
            .visit(
                referrer.obj,
                (parent, key) -> {
                  if (parent.get(key) instanceof List<?> names) {
                    // a list of names (RBAC resourceNames): each one that names a target
                    String ns = referrer.namespace();
                    List<Object> renamed = new ArrayList<>();
                    for (Object n : names) {
                      Res match = n instanceof String s ? pick(targets, s, ns) : null;
                      renamed.add(match != null ? match.name() : n);
                    }
                    parent.put(key, renamed);
                    return;
                  }
                  if (!(parent.get(key) instanceof String old)) {
                    return;
                  }
                  if (ref.kindField() && !ref.target().equals(parent.get("kind"))) {
                    return;
                  }
                  if (ref.kindField() && ref.target().equals("ServiceAccount")) {
                    subject(referrer, parent, key, old, targets);
                    return;
                  }
                  String ns =
                      parent.get("namespace") instanceof String s ? s : referrer.namespace();
                  Res match = pick(targets, old, ns);
                  if (match != null) {
                    parent.put(key, match.name());
                  }
                });
      }
    }
  }

  /**
   * An RBAC subject naming a ServiceAccount, as kustomize's nameref setMapping updates it: the
   * candidates are those in the subject's namespace (as read, else as now; "" counts as {@code
   * default}), or all of them when it names none; the one whose names include the subject's takes
   * over its name and, when it has one, its namespace.
   */
  private static void subject(
      Res referrer, Map<String, Object> subject, String key, String old, List<Res> all) {
    List<Res> candidates = all;
    if (subject.get("namespace") instanceof String ns) {
      candidates = all.stream().filter(c -> effective(c.originalNamespace).equals(ns)).toList();
      if (candidates.isEmpty()) {
        candidates = all.stream().filter(c -> effective(c.namespace()).equals(ns)).toList();
      }
    }
    List<Res> named = candidates.stream().filter(c -> c.names.contains(old)).toList();
    if (named.isEmpty()) {
      return;
    }
    boolean identical =
        named.stream()
            .allMatch(
                c ->
                    c.name().equals(named.get(0).name())
                        && c.namespace().equals(named.get(0).namespace()));
    if (!identical) {
      if (named.stream().allMatch(c -> c.names.size() == 1)) {
        // none renamed, so kustomize's prefix/suffix sieves keep them all: it fails
        throw new RenderException(
            referrer.describe()
                + ": subjects: ServiceAccount "
                + old
                + " names several objects: found multiple possible referrals: "
                + String.join(
                    ", ",
                    named.stream()
                        .map(c -> "ServiceAccount/" + c.name() + "." + c.namespace())
                        .toList()));
      }
      return; // renamed ones: kustomize's choice depends on their prefixes and suffixes
    }
    Res match = named.get(0);
    subject.put(key, match.name());
    if (!match.namespace().isEmpty()) {
      subject.put("namespace", match.namespace());
    }
  }

  private static String effective(String namespace) {
    return namespace.isEmpty() ? "default" : namespace;
  }

  private static Res pick(List<Res> candidates, String name, String namespace) {
    List<Res> named = new ArrayList<>();
    for (Res c : candidates) {
      if (c.names.contains(name)) {
        named.add(c);
      }
    }
    if (named.size() > 1) {
      named.removeIf(c -> !c.namespace().equals(namespace) && !c.namespace().isEmpty());
    }
    return named.size() == 1 ? named.get(0) : null;
  }
}
