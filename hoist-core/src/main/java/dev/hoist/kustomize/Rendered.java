package dev.hoist.kustomize;

import java.util.List;
import java.util.Map;

/**
 * One rendered kustomization: the YAML stream {@code kustomize build} prints, and the objects in it
 * as that stream reads back, in the same order. Their mappings are {@link dev.hoist.yaml.Located}.
 */
public record Rendered(List<Map<String, Object>> objects, String yaml) {
  public Rendered {
    objects = List.copyOf(objects);
  }
}
