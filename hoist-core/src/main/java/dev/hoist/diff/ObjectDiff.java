package dev.hoist.diff;

import dev.hoist.oci.Digest;
import dev.hoist.yaml.GoYamlWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changes between two renderings of one overlay, object by object (by apiVersion, kind,
 * namespace and name): added, removed, and changed with a unified diff of the object's YAML. Keys
 * are printed sorted, so a pure reordering of a mapping is no change, and so are the items of
 * list-maps ({@link ListMaps}: containers, env, volumes, ports… by their key), so reordering them
 * is no change either and a changed item shows in place; Secret values are replaced by a short hash
 * of themselves, so a changed value shows as changed without showing it.
 */
public final class ObjectDiff {
  private ObjectDiff() {}

  /** One object that changes: {@code change} is added, removed or changed. */
  public record Change(String object, String change, String diff) {}

  public static List<Change> between(
      List<Map<String, Object>> before, List<Map<String, Object>> after) {
    Map<String, String> old = texts(before);
    Map<String, String> now = texts(after);
    List<Change> out = new ArrayList<>();
    for (Map.Entry<String, String> e : now.entrySet()) {
      String was = old.get(e.getKey());
      if (was == null) {
        out.add(new Change(e.getKey(), "added", LineDiff.unified("", e.getValue(), 3)));
      } else if (!was.equals(e.getValue())) {
        out.add(new Change(e.getKey(), "changed", LineDiff.unified(was, e.getValue(), 3)));
      }
    }
    for (Map.Entry<String, String> e : old.entrySet()) {
      if (!now.containsKey(e.getKey())) {
        out.add(new Change(e.getKey(), "removed", LineDiff.unified(e.getValue(), "", 3)));
      }
    }
    return out;
  }

  private static Map<String, String> texts(List<Map<String, Object>> objects) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, Object> o : objects) {
      out.put(key(o), GoYamlWriter.marshal(ListMaps.keyed(masked(o))));
    }
    return out;
  }

  static String key(Map<String, Object> o) {
    Map<?, ?> metadata = o.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    Object ns = metadata.get("namespace");
    return o.get("apiVersion")
        + " "
        + o.get("kind")
        + " "
        + (ns == null ? "" : ns + "/")
        + metadata.get("name");
  }

  private static Map<String, Object> masked(Map<String, Object> o) {
    if (!"Secret".equals(o.get("kind"))) {
      return o;
    }
    Map<String, Object> copy = new LinkedHashMap<>(o);
    for (String field : List.of("data", "stringData")) {
      if (o.get(field) instanceof Map<?, ?> values) {
        Map<String, Object> hidden = new LinkedHashMap<>();
        values.forEach(
            (k, v) ->
                hidden.put(
                    String.valueOf(k),
                    "(hidden, sha256 "
                        + Digest.sha256(String.valueOf(v).getBytes(StandardCharsets.UTF_8))
                            .hex()
                            .substring(0, 12)
                        + ")"));
        copy.put(field, hidden);
      }
    }
    return copy;
  }
}
