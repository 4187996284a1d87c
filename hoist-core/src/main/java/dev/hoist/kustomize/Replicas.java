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
      // kustomize's ReplicaCountTransformer: objects with the name (now or in a previous id) of a
      // kind a field spec names; an entry that matches none fails the build
      boolean found = false;
      for (Res r : resources) {
        if (!r.name().equals(name) && !r.hadPreviousName(name)) {
          continue;
        }
        for (FieldSpec fs : config.replicas) {
          if (fs.applies(r)) {
            found = true;
            fs.visit(
                r.obj,
                (parent, key) -> {
                  parent.put(key, count);
                  YamlMap.moveKey(parent, key, e, "count");
                });
          }
        }
      }
      if (!found) {
        throw new RenderException(
            where
                + ": replicas: resource with name "
                + name
                + " does not match a config with the following GVK "
                + config.replicas.stream().map(FieldSpec::kind).toList());
      }
    }
  }
}
