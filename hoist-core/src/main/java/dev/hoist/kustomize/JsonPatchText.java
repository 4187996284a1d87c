package dev.hoist.kustomize;

import dev.hoist.yaml.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * Reads the text of a JSON 6902 patch as kustomize does (PatchTransformer's jsonPatchFromBytes, the
 * PatchJson6902Transformer): a text starting with {@code [} must be strict JSON; any other text is
 * YAML converted to JSON with sigs.k8s.io/yaml (go-yaml v2, YAML 1.1: {@code yes} is a bool, a date
 * stays a string), first document only.
 */
final class JsonPatchText {
  private JsonPatchText() {}

  /**
   * The operations of a {@code patches} entry's text, or null when it is not a JSON 6902 patch (a
   * strategic merge patch: kustomize tries both and accepts the one that parses). {@code place}
   * locates the operations (null: not located).
   */
  static List<Object> ifOps(String text, String source, SourceLocation place) {
    if (text.startsWith("[")) {
      return ops(text, source);
    }
    Object value = Values.jsonPatch(text, source, place);
    return value instanceof List<?> ? checked(value, source) : null;
  }

  /**
   * The operations of a JSON 6902 patch's text; anything else is an error naming {@code source}.
   */
  static List<Object> ops(String text, String source) {
    Object value;
    if (text.startsWith("[")) {
      try {
        value = StrictJson.parse(text);
      } catch (IllegalArgumentException e) {
        throw new RenderException(
            source
                + ": a patch starting with [ must be a JSON 6902 patch in strict JSON, "
                + e.getMessage());
      }
    } else {
      value = Values.jsonPatch(text, source);
    }
    return checked(value, source);
  }

  private static List<Object> checked(Object value, String source) {
    if (!(value instanceof List<?> list)) {
      throw new RenderException(source + ": a JSON 6902 patch must be a list of operations");
    }
    for (Object op : list) {
      if (!(op instanceof Map<?, ?>)) {
        throw new RenderException(source + ": JSON patch operations must be mappings");
      }
      checkJson(op, source);
    }
    return Tree.list(list);
  }

  private static void checkJson(Object v, String source) {
    if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      throw new RenderException(
          source + ": " + d + " in a JSON 6902 patch cannot be converted to JSON");
    }
    if (v instanceof Map<?, ?> m) {
      m.values().forEach(x -> checkJson(x, source));
    } else if (v instanceof List<?> l) {
      l.forEach(x -> checkJson(x, source));
    }
  }
}
