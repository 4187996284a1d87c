package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.List;

/**
 * The field specs of kustomize's built-in transformers (labels, annotations, images, replicas,
 * namespace).
 */
final class BuiltinSpecs {
  private BuiltinSpecs() {}

  /**
   * Label selector fields (written only with selector semantics: commonLabels, includeSelectors).
   */
  static final List<FieldSpec> SELECTORS = selectors();

  /** Pod template label fields (commonLabels, includeSelectors or includeTemplates). */
  static final List<FieldSpec> TEMPLATE_LABELS = templates("labels");

  static final List<FieldSpec> ANNOTATIONS = annotations();
  static final List<FieldSpec> IMAGES = images();
  static final List<FieldSpec> REPLICAS =
      List.of(
          FieldSpec.of("Deployment", "spec/replicas", true),
          FieldSpec.of("ReplicationController", "spec/replicas", true),
          FieldSpec.of("ReplicaSet", "spec/replicas", true),
          FieldSpec.of("apps", "StatefulSet", "spec/replicas", true));

  /**
   * kustomize v5.5's namespace field specs besides {@code metadata/namespace} and a Namespace's
   * name (its webhook configurations are not among them).
   */
  static final List<FieldSpec> NAMESPACE_EXTRA =
      List.of(
          FieldSpec.of("apiregistration.k8s.io", "APIService", "spec/service/namespace", true),
          FieldSpec.of(
              "apiextensions.k8s.io",
              "CustomResourceDefinition",
              "spec/conversion/webhook/clientConfig/service/namespace",
              false));

  private static List<FieldSpec> selectors() {
    List<FieldSpec> s = new ArrayList<>();
    s.add(new FieldSpec("", "v1", "Service", "spec/selector", true));
    s.add(new FieldSpec("", "v1", "ReplicationController", "spec/selector", true));
    for (String kind : List.of("Deployment", "ReplicaSet", "DaemonSet")) {
      s.add(FieldSpec.of(kind, "spec/selector/matchLabels", true));
    }
    s.add(FieldSpec.of("apps", "StatefulSet", "spec/selector/matchLabels", true));
    for (String kind : List.of("Deployment", "StatefulSet")) {
      for (String aff : List.of("podAffinity", "podAntiAffinity")) {
        String base = "spec/template/spec/affinity/" + aff + "/";
        s.add(
            FieldSpec.of(
                "apps",
                kind,
                base
                    + "preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
                false));
        s.add(
            FieldSpec.of(
                "apps",
                kind,
                base + "requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
                false));
      }
      s.add(
          FieldSpec.of(
              "apps",
              kind,
              "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels",
              false));
    }
    s.add(FieldSpec.of("batch", "Job", "spec/selector/matchLabels", false));
    s.add(FieldSpec.of("batch", "CronJob", "spec/jobTemplate/spec/selector/matchLabels", false));
    s.add(FieldSpec.of("policy", "PodDisruptionBudget", "spec/selector/matchLabels", false));
    s.add(
        FieldSpec.of("networking.k8s.io", "NetworkPolicy", "spec/podSelector/matchLabels", false));
    s.add(
        FieldSpec.of(
            "networking.k8s.io",
            "NetworkPolicy",
            "spec/ingress/from/podSelector/matchLabels",
            false));
    s.add(
        FieldSpec.of(
            "networking.k8s.io", "NetworkPolicy", "spec/egress/to/podSelector/matchLabels", false));
    return List.copyOf(s);
  }

  private static List<FieldSpec> templates(String field) {
    List<FieldSpec> s = new ArrayList<>();
    s.add(
        new FieldSpec("", "v1", "ReplicationController", "spec/template/metadata/" + field, true));
    for (String kind : List.of("Deployment", "ReplicaSet", "DaemonSet")) {
      s.add(FieldSpec.of(kind, "spec/template/metadata/" + field, true));
    }
    s.add(FieldSpec.of("apps", "StatefulSet", "spec/template/metadata/" + field, true));
    if (field.equals("labels")) {
      s.add(
          FieldSpec.of("apps", "StatefulSet", "spec/volumeClaimTemplates[]/metadata/labels", true));
    }
    s.add(FieldSpec.of("batch", "Job", "spec/template/metadata/" + field, true));
    s.add(FieldSpec.of("batch", "CronJob", "spec/jobTemplate/metadata/" + field, true));
    s.add(
        FieldSpec.of("batch", "CronJob", "spec/jobTemplate/spec/template/metadata/" + field, true));
    return List.copyOf(s);
  }

  private static List<FieldSpec> annotations() {
    List<FieldSpec> s = new ArrayList<>();
    s.add(FieldSpec.of("metadata/annotations", true));
    s.addAll(templates("annotations"));
    return List.copyOf(s);
  }

  private static List<FieldSpec> images() {
    List<FieldSpec> s = new ArrayList<>();
    for (String prefix :
        List.of("spec/", "spec/template/spec/", "spec/jobTemplate/spec/template/spec/")) {
      s.add(FieldSpec.of(prefix + "containers[]/image", false));
      s.add(FieldSpec.of(prefix + "initContainers[]/image", false));
    }
    return List.copyOf(s);
  }
}
