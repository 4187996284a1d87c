package dev.hoist.validate;

import dev.hoist.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Checks one document is a well-formed Kubernetes object (apiVersion, kind, metadata.name as
 * DNS-1123, namespace where the kind is namespaced by a CRD and absent where the kind is
 * cluster-scoped) and, when its CRD is known, its content against the served version's schema.
 */
final class ObjectCheck {
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Set<String> LABEL_NAMED = Set.of("Namespace", "Service");
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "Node",
          "PersistentVolume",
          "StorageClass",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "PriorityClass",
          "IngressClass",
          "ValidatingWebhookConfiguration",
          "MutatingWebhookConfiguration",
          "APIService",
          "RuntimeClass",
          "CSIDriver",
          "VolumeAttachment");
  private static final Set<String> METADATA =
      Set.of(
          "name",
          "generateName",
          "namespace",
          "labels",
          "annotations",
          "finalizers",
          "ownerReferences",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "managedFields",
          "selfLink");

  private final CrdSchemas crds;
  private final String file;
  private final Consumer<Problem> out;

  /** kustomize's own file names: its input, read whatever apiVersion they carry (or none). */
  private static final java.util.Set<String> KUSTOMIZATION_FILES =
      java.util.Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  /** Set when a Flux object was seen but no CRDs were given. */
  boolean fluxWithoutCrds;

  ObjectCheck(CrdSchemas crds, String file, Consumer<Problem> out) {
    this.crds = crds;
    this.file = file;
    this.out = out;
  }

  /** Checks a document; returns the number of objects in it (a List counts its items). */
  int check(YamlNode doc, int index) {
    String where = "document " + (index + 1);
    if (!(doc instanceof YamlNode.Mapping m)) {
      out.accept(
          new Problem(file, doc.line(), where, "", "not a Kubernetes object (expected a mapping)"));
      return 0;
    }
    String apiVersion = string(m, "apiVersion");
    String kind = string(m, "kind");
    if ((apiVersion != null && apiVersion.startsWith("kustomize.config.k8s.io/"))
        || KUSTOMIZATION_FILES.contains(java.nio.file.Path.of(file).getFileName().toString())) {
      return 0; // a kustomization.yaml: kustomize's input, not an object sent to the cluster
    }
    if ("List".equals(kind) && m.entries().get("items") instanceof YamlNode.Sequence items) {
      int count = 0;
      for (YamlNode item : items.items()) {
        count += check(item, index);
      }
      return count;
    }
    String object = (kind == null ? "?" : kind) + "/" + identity(m);
    if (apiVersion == null) {
      out.accept(
          new Problem(
              file, m.line(), object, ".apiVersion", "required (a string such as apps/v1)"));
    }
    if (kind == null) {
      out.accept(
          new Problem(file, m.line(), object, ".kind", "required (a string such as Deployment)"));
    }
    CrdSchemas.Served served =
        apiVersion == null || kind == null ? null : crds.find(apiVersion, kind).orElse(null);
    metadata(m, kind, object, served);
    if (apiVersion == null || kind == null) {
      return 1;
    }
    if (served != null) {
      Map<String, YamlNode> rest = new LinkedHashMap<>(m.entries());
      rest.remove("metadata");
      new SchemaCheck(
              f -> out.accept(new Problem(file, f.line(), object, f.path(), f.message())),
              crds.definitions(),
              served.builtin())
          .check(new YamlNode.Mapping(rest, m.keyLines(), m.line()), served.schema(), "");
    } else if (crds.knowsGroup(apiVersion)) {
      List<String> versions = crds.servedVersions(apiVersion, kind);
      out.accept(
          new Problem(
              file,
              m.line(),
              object,
              ".apiVersion",
              apiVersion
                  + " "
                  + kind
                  + " is not served"
                  + (versions.isEmpty()
                      ? " (no such kind in the CRDs)"
                      : " (served: " + String.join(", ", versions) + ")")));
    } else if (apiVersion.contains(".toolkit.fluxcd.io/") && crds.isEmpty()) {
      fluxWithoutCrds = true;
    } else if (crds.hasBuiltins() && crds.firstReport(apiVersion, kind)) {
      out.accept(
          new Problem(
              file,
              m.line(),
              object,
              ".kind",
              "no schema for "
                  + apiVersion
                  + " "
                  + kind
                  + " (not a built-in kind of the OpenAPI document; pass its CRD with --crds)"));
    }
    return 1;
  }

  private void metadata(YamlNode.Mapping m, String kind, String object, CrdSchemas.Served served) {
    if (!(m.entries().get("metadata") instanceof YamlNode.Mapping meta)) {
      out.accept(
          new Problem(file, m.line(), object, ".metadata", "required (a mapping with name)"));
      return;
    }
    for (String key : meta.entries().keySet()) {
      if (!METADATA.contains(key)) {
        out.accept(
            new Problem(
                file,
                meta.keyLines().getOrDefault(key, meta.line()),
                object,
                ".metadata." + key,
                "unknown field \"" + key + "\""));
      }
    }
    for (String key : List.of("labels", "annotations")) {
      YamlNode value = meta.entries().get(key);
      if (value != null && !(value instanceof YamlNode.Mapping)) {
        out.accept(
            new Problem(
                file,
                value.line(),
                object,
                ".metadata." + key,
                "expected object, found " + Scalars.describe(value)));
      } else if (value instanceof YamlNode.Mapping entries) {
        entries
            .entries()
            .forEach(
                (k, v) -> {
                  if (!Scalars.describe(v).equals("string")) {
                    out.accept(
                        new Problem(
                            file,
                            v.line(),
                            object,
                            ".metadata." + key + "." + k,
                            "expected string, found " + Scalars.describe(v) + " (quote it)"));
                  }
                });
      }
    }
    String name = string(meta, "name");
    if (name == null && string(meta, "generateName") == null) {
      out.accept(new Problem(file, meta.line(), object, ".metadata.name", "required"));
    } else if (name != null) {
      boolean label = LABEL_NAMED.contains(kind);
      if (label
          ? name.length() > 63 || !LABEL.matcher(name).matches()
          : name.length() > 253 || !SUBDOMAIN.matcher(name).matches()) {
        out.accept(
            new Problem(
                file,
                meta.keyLines().get("name"),
                object,
                ".metadata.name",
                "\""
                    + name
                    + "\" is not a DNS-1123 "
                    + (label ? "label" : "subdomain")
                    + " (lower-case letters, digits, '-'"
                    + (label ? "" : ", '.'")
                    + ")"));
      }
    }
    String namespace = string(meta, "namespace");
    boolean clusterScoped =
        (served != null && !served.builtin())
            ? !served.namespaced()
            : CLUSTER_SCOPED.contains(kind);
    if (namespace != null && clusterScoped) {
      out.accept(
          new Problem(
              file,
              meta.keyLines().get("namespace"),
              object,
              ".metadata.namespace",
              kind + " is cluster-scoped: remove the namespace"));
    } else if (namespace != null
        && (namespace.length() > 63 || !LABEL.matcher(namespace).matches())) {
      out.accept(
          new Problem(
              file,
              meta.keyLines().get("namespace"),
              object,
              ".metadata.namespace",
              "\"" + namespace + "\" is not a DNS-1123 label"));
    } else if (namespace == null && served != null && !served.builtin() && served.namespaced()) {
      out.accept(
          new Problem(
              file,
              meta.line(),
              object,
              ".metadata.namespace",
              "required for " + kind + " (namespaced)"));
    }
  }

  private static String identity(YamlNode.Mapping m) {
    if (m.entries().get("metadata") instanceof YamlNode.Mapping meta) {
      String namespace = string(meta, "namespace");
      String name = string(meta, "name");
      return (namespace == null ? "" : namespace + "/") + (name == null ? "?" : name);
    }
    return "?";
  }

  private static String string(YamlNode.Mapping m, String key) {
    return m.entries().get(key) instanceof YamlNode.Scalar s && !s.isNull() ? s.text() : null;
  }
}
