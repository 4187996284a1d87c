package dev.hoist.kustomize.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One kustomization level's built-in transformers, in kustomize's order. */
final class Transforms {
  private Transforms() {
  }

  static void apply(Loader loader, Map<String, Object> k, List<Res> resources, String where,
      Config config) {
    Patches.strategicMergeFiles(loader, k, resources, where);
    Patches.patches(loader, k, resources, where);
    String ns = Tree.string(k, "namespace", where);
    if (ns != null && !ns.isEmpty()) {
      namespace(resources, ns, config);
    }
    String prefix = Tree.string(k, "namePrefix", where);
    String suffix = Tree.string(k, "nameSuffix", where);
    if (prefix != null && !prefix.isEmpty() || suffix != null && !suffix.isEmpty()) {
      prefixSuffix(resources, prefix == null ? "" : prefix, suffix == null ? "" : suffix);
    }
    Labels.apply(k, resources, where, config);
    Map<String, Object> annotations = Tree.mapField(k, "commonAnnotations", where);
    if (!annotations.isEmpty()) {
      for (Res r : resources) {
        for (FieldSpec fs : config.annotations) {
          if (fs.applies(r)) {
            Labels.merge(r.obj, fs, annotations);
          }
        }
      }
    }
    Patches.json6902Files(loader, k, resources, where);
    Replicas.apply(k, resources, where, config);
    Images.apply(k, resources, where, config);
    Replacements.apply(loader, k, resources, where);
  }

  static void namespace(List<Res> resources, String ns, Config config) {
    Schema schema = Schema.get();
    for (Res r : resources) {
      if (schema.clusterScoped(r.apiVersion(), r.kind())) {
        if (r.kind().equals("Namespace") && r.apiVersion().equals("v1")) {
          r.rename(ns);
        }
        if (r.kind().equals("RoleBinding") || r.kind().equals("ClusterRoleBinding")) {
          subjects(r, ns);
        }
        continue;
      }
      r.metadata().put("namespace", ns);
      if (r.kind().equals("RoleBinding")) {
        subjects(r, ns);
      }
      for (FieldSpec fs : config.namespace) {
        if (fs.applies(r)) {
          fs.visit(r.obj, (parent, key) -> {
            if (parent.containsKey(key) || fs.create()) {
              parent.put(key, ns);
            }
          });
        }
      }
    }
  }

  private static void subjects(Res r, String ns) {
    if (r.obj.get("subjects") instanceof List<?> subjects) {
      for (Object s : subjects) {
        if (s instanceof Map<?, ?> m && "ServiceAccount".equals(m.get("kind")) && m.get("namespace") == null) {
          Tree.map(m).put("namespace", ns);
        }
      }
    }
  }

  static void prefixSuffix(List<Res> resources, String prefix, String suffix) {
    for (Res r : resources) {
      if (r.kind().equals("CustomResourceDefinition") || r.kind().equals("Namespace")) {
        continue;
      }
      r.rename(prefix + r.name() + suffix);
    }
  }

  /** A fresh map with the entries of {@code m}, for label values copied into several places. */
  static Map<String, Object> copy(Map<String, Object> m) {
    return new LinkedHashMap<>(m);
  }
}
