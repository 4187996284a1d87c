package dev.hoist.kustomize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One kustomization level's built-in transformers, in kustomize's order. */
final class Transforms {
  private Transforms() {}

  static void apply(
      Loader loader,
      Map<String, Object> k,
      List<Res> resources,
      String where,
      Config config,
      Origins origins) {
    Recorder ran =
        (kind, count) -> {
          if (origins != null) {
            origins.transformed(resources, kind, count);
          }
        };
    if (!Tree.listField(k, "patchesStrategicMerge", where).isEmpty()) {
      Patches.strategicMergeFiles(loader, k, resources, where, config::schemaForMerge);
      ran.record("PatchStrategicMergeTransformer", 1);
    }
    for (Object o : Tree.listField(k, "patches", where)) {
      Patches.patch(loader, o, resources, where, config::schemaForMerge);
      ran.record("PatchTransformer", 1);
    }
    String ns = Tree.string(k, "namespace", where);
    if (ns != null && !ns.isEmpty()) {
      Namespaces.field(resources, ns, config, where);
      ran.record("NamespaceTransformer", 1);
    }
    String prefix = Tree.string(k, "namePrefix", where);
    if (prefix != null && !prefix.isEmpty()) {
      affix(resources, prefix, "", nameAnd(config.prefix), where + ": namePrefix");
      ran.record("PrefixTransformer", 1);
    }
    String suffix = Tree.string(k, "nameSuffix", where);
    if (suffix != null && !suffix.isEmpty()) {
      affix(resources, "", suffix, nameAnd(config.suffix), where + ": nameSuffix");
      ran.record("SuffixTransformer", 1);
    }
    ran.record("LabelTransformer", Labels.apply(k, resources, where, config));
    Map<String, Object> annotations = Tree.mapField(k, "commonAnnotations", where);
    if (!annotations.isEmpty()) {
      for (Res r : resources) {
        for (FieldSpec fs : config.annotations) {
          if (fs.applies(r)) {
            Labels.merge(r.obj, fs, annotations);
          }
        }
      }
      ran.record("AnnotationsTransformer", 1);
    }
    for (Object o : Tree.listField(k, "patchesJson6902", where)) {
      Patches.json6902(loader, o, resources, where);
      ran.record("PatchJson6902Transformer", 1);
    }
    Replicas.apply(k, resources, where, config);
    ran.record("ReplicaCountTransformer", Tree.listField(k, "replicas", where).size());
    Images.apply(k, resources, where, config);
    ran.record("ImageTagTransformer", Tree.listField(k, "images", where).size());
    if (!Tree.listField(k, "replacements", where).isEmpty()) {
      Replacements.apply(loader, k, resources, where);
      ran.record("ReplacementTransformer", 1);
    }
  }

  /** Notes that a built-in transformer ran {@code count} times (for transformer annotations). */
  private interface Recorder {
    void record(String kind, int count);
  }

  /**
   * kustomize's default name field spec, then those of configurations and crds. A configurations
   * spec of {@code metadata/name} for some kinds takes the default's place: kustomize's merge of
   * field specs keeps one of two with the same path, so only those kinds are renamed then.
   */
  private static List<FieldSpec> nameAnd(List<FieldSpec> more) {
    List<FieldSpec> specs = new java.util.ArrayList<>();
    if (more.stream().noneMatch(fs -> fs.path().equals("metadata/name"))) {
      specs.add(FieldSpec.of("metadata/name", false));
    }
    specs.addAll(more);
    return specs;
  }

  /**
   * kustomize's Prefix/SuffixTransformer plugins with their own field specs: {@code metadata/name}
   * renames the object (its references follow), any other field gets the prefix and suffix around
   * its scalar text; the kinds {@link #keepsName} names are skipped.
   */
  static void affix(
      List<Res> resources, String prefix, String suffix, List<FieldSpec> specs, String where) {
    String p = prefix == null ? "" : prefix;
    String s = suffix == null ? "" : suffix;
    for (Res r : resources) {
      if (keepsName(r)) {
        continue;
      }
      for (FieldSpec fs : specs) {
        if (!fs.applies(r)) {
          continue;
        }
        if (fs.path().equals("metadata/name")) {
          r.rename(p + r.name() + s);
          if (!p.isEmpty()) {
            r.prefixes.add(p);
          }
          if (!s.isEmpty()) {
            r.suffixes.add(s);
          }
          continue;
        }
        fs.visit(
            r.obj,
            (parent, key) -> {
              Object v = parent.get(key);
              if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw new RenderException(
                    where + ": field " + fs.path() + " of " + r.describe() + " is not a scalar");
              }
              if (parent.containsKey(key)) {
                parent.put(key, p + (v == null ? "null" : Tree.scalarText(v)) + s);
              }
            });
      }
    }
  }

  /** Kinds namePrefix and nameSuffix leave alone. */
  private static boolean keepsName(Res r) {
    return r.kind().equals("CustomResourceDefinition")
        || r.kind().equals("Namespace")
        || (r.kind().equals("APIService") && r.group().equals("apiregistration.k8s.io"));
  }

  /** A fresh map with the entries of {@code m}, for label values copied into several places. */
  static Map<String, Object> copy(Map<String, Object> m) {
    return new LinkedHashMap<>(m);
  }
}
