package dev.hoist.kustomize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** commonLabels and labels (pairs with includeSelectors / includeTemplates). */
final class Labels {
  private Labels() {}

  /**
   * Applies the labels entries, then commonLabels, as kustomize orders them (so commonLabels wins a
   * key both set). Returns how many label transformers kustomize configures: one per entry plus one
   * for commonLabels, when either is present.
   */
  static int apply(Map<String, Object> k, List<Res> resources, String where, Config config) {
    Map<String, Object> common =
        strings(Tree.mapField(k, "commonLabels", where), where + ": commonLabels");
    List<Object> entries = Tree.listField(k, "labels", where);
    for (Object o : entries) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new RenderException(where + ": labels entries must be mappings");
      }
      Map<String, Object> entry = Tree.map(m);
      Map<String, Object> pairs =
          strings(Tree.mapField(entry, "pairs", where), where + ": labels.pairs");
      boolean selectors = Boolean.TRUE.equals(entry.get("includeSelectors"));
      boolean templates = Boolean.TRUE.equals(entry.get("includeTemplates"));
      add(resources, pairs, selectors, selectors || templates, config);
      List<FieldSpec> fields =
          new java.util.ArrayList<>(
              FieldSpec.parse(Tree.listField(entry, "fields", where), where + ": labels.fields"));
      fields.addAll(config.labels); // kustomize merges configurations' labels into every entry
      for (FieldSpec fs : fields) {
        for (Res r : resources) {
          if (fs.applies(r)) {
            merge(r.obj, fs, pairs);
          }
        }
      }
    }
    if (!common.isEmpty()) {
      add(resources, common, true, true, config);
    }
    return entries.isEmpty() && common.isEmpty() ? 0 : entries.size() + 1;
  }

  private static void add(
      List<Res> resources,
      Map<String, Object> pairs,
      boolean selectors,
      boolean templates,
      Config config) {
    FieldSpec meta = FieldSpec.of("metadata/labels", true);
    for (Res r : resources) {
      merge(r.obj, meta, pairs);
      if (templates) {
        for (FieldSpec fs : config.templateLabels) {
          if (fs.applies(r)) {
            merge(r.obj, fs, pairs);
          }
        }
      }
      if (selectors) {
        for (FieldSpec fs : config.selectors) {
          if (fs.applies(r)) {
            merge(r.obj, fs, pairs);
          }
        }
      }
    }
  }

  /** Puts every pair into the map at the spec's path (creating it when the spec allows). */
  static void merge(Map<String, Object> obj, FieldSpec fs, Map<String, Object> pairs) {
    fs.visit(
        obj,
        (parent, key) -> {
          Object existing = parent.get(key);
          if (existing instanceof Map<?, ?> m) {
            Tree.map(m).putAll(pairs);
          } else if (existing == null && fs.create()) {
            parent.put(key, new LinkedHashMap<>(pairs));
          }
        });
  }

  static Map<String, Object> strings(Map<String, Object> m, String where) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach(
        (key, v) -> {
          if (v != null && !(v instanceof String)) {
            throw new RenderException(
                where
                    + ": value of "
                    + key
                    + " must be a string, not "
                    + Tree.describe(v)
                    + " (quote it)");
          }
          out.put(key, v == null ? "" : v);
        });
    return out;
  }
}
