package dev.hoist.kustomize;

import java.math.BigInteger;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * What kustomize's JSON round trips leave of a resource: every YAML node is re-created from JSON,
 * so nothing is left of empty nulls, flow styles and annotation source texts ({@link
 * YamlMap#forgetNodes}).
 */
final class JsonRoundTrip {
  private JsonRoundTrip() {}

  /**
   * After a JSON 6902 patch (the patchjson6902 filter marshals the resource to JSON, applies the
   * patch and decodes it into Go values, where every number is a float64): numbers become doubles,
   * mappings block ones, an empty null in a flow mapping "" (go-yaml writes it as '' in the JSON's
   * source text). An annotation written {@code ratio: 1.0} then prints as {@code "1"}, {@code
   * 1000000} as {@code "1e+06"}.
   */
  static void afterPatch(Map<String, Object> resource) {
    walk(resource, false, true, false);
  }

  /**
   * A {@code *List}'s item after kustomize's inlineAnyEmbeddedLists (go-yaml values marshalled to
   * JSON and read back as YAML): numbers keep their type, mappings become flow ones.
   */
  static void afterListExpansion(Map<String, Object> item) {
    walk(item, true, false, false);
  }

  /**
   * {@code inFlow}: inside a flow collection, when the round trip starts from go-yaml's text
   * (float64).
   */
  private static Object walk(Object value, boolean flow, boolean float64, boolean inFlow) {
    if (value instanceof Map<?, ?> m) {
      boolean nowInFlow = float64 && (inFlow || YamlMap.flow(m));
      if (m instanceof YamlMap y) {
        y.forgetNodes(flow, nowInFlow);
      }
      for (Map.Entry<String, Object> e : Tree.map(m).entrySet()) {
        e.setValue(walk(e.getValue(), flow, float64, nowInFlow));
      }
    } else if (value instanceof List<?> l) {
      for (ListIterator<Object> it = Tree.list(l).listIterator(); it.hasNext(); ) {
        it.set(walk(it.next(), flow, float64, inFlow));
      }
    } else if (float64 && (value instanceof Long || value instanceof BigInteger)) {
      return ((Number) value).doubleValue();
    }
    return value;
  }
}
