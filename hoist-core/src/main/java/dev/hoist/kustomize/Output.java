package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What kustomize's JSON round trip does to a resource before printing it. */
final class Output {
  private Output() {}

  static Object normalize(Map<String, Object> obj) {
    Map<String, Object> copy = Tree.map(json(obj, false));
    if (copy.get("metadata") instanceof Map<?, ?> meta) {
      if (meta.get("annotations") instanceof Map<?, ?> annotations
          && obj.get("metadata") instanceof Map<?, ?> originalMeta
          && originalMeta.get("annotations") instanceof Map<?, ?> original) {
        Tree.map(annotations).replaceAll((k, v) -> Annotations.text(original.get(k)));
      }
      for (String field : List.of("annotations", "labels")) {
        if (meta.get(field) instanceof Map<?, ?> m && m.isEmpty()) {
          meta.remove(field);
        }
      }
    }
    return copy;
  }

  /**
   * The value as kustomize's JSON encoding sees it. {@code inFlow}: inside a flow collection, where
   * go-yaml writes an empty null ({@code {a: }}) as {@code ''}, so it reads back as "".
   */
  private static Object json(Object v, boolean inFlow) {
    if (v instanceof Map<?, ?> m) {
      boolean flow = inFlow || YamlMap.flow(m);
      Map<String, Object> out = YamlMap.locatedLike(m); // printing ignores where it was written
      Tree.map(m)
          .forEach(
              (k, x) -> out.put(k, x == null && flow && YamlMap.bare(m, k) ? "" : json(x, flow)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l) {
        out.add(json(x, inFlow));
      }
      return out;
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new RenderException("cannot represent " + d + " in JSON");
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e21) {
        // Go's JSON encoder writes the shortest digits (12345678901234567000), which read back as
        // an integer
        // when they fit in int64 or uint64
        java.math.BigInteger big = new java.math.BigDecimal(Double.toString(d)).toBigInteger();
        if (big.bitLength() < 64) {
          return big.longValue();
        }
        return big.signum() > 0 && big.bitLength() == 64 ? big : d;
      }
    }
    return v;
  }
}
