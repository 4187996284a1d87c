package dev.hoist.kustomize;

import java.util.List;
import java.util.Map;

/** The {@code replicas:} transformer. */
final class Replicas {
  private Replicas() {}

  static void apply(Map<String, Object> k, List<Res> resources, String where, Config config) {
    for (Object o : Tree.listField(k, "replicas", where)) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new RenderException(where + ": replicas entries must be mappings");
      }
      Map<String, Object> e = Tree.map(m);
      String name = Tree.string(e, "name", where + ": replicas");
      Object count = e.get("count");
      if (!(count instanceof Long)) {
        throw new RenderException(where + ": replicas " + name + ": count must be an integer");
      }
      // an entry that matches nothing is ignored, as in kustomize
      for (Res r : resources) {
        if (!r.names.contains(name)) {
          continue;
        }
        for (FieldSpec fs : config.replicas) {
          if (fs.applies(r)) {
            fs.visit(
                r.obj,
                (parent, key) -> {
                  parent.put(key, count);
                  YamlMap.moveKey(parent, key, e, "count");
                });
          }
        }
      }
    }
  }
}
