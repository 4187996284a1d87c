package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How kustomize's replacements select objects (api/filters/replacement): a source or target {@code
 * select} picks an object when one of its ids, current or previous, is selected by the selector's
 * id (resid.IsSelectedBy: group, version, kind and name equal when given, not as patterns; the
 * namespace compared as an effective one, none being {@code default}); a target's label and
 * annotation selectors look at the object as it is. A {@code reject} entry drops an object its id
 * part selects, or its label or annotation part matches.
 */
final class IdSelector {
  private IdSelector() {}

  /** The objects {@code selector}'s id part selects. */
  static List<Res> byId(List<Res> resources, Map<String, Object> selector, String where) {
    List<Res> out = new ArrayList<>();
    for (Res r : resources) {
      if (idSelected(r, selector, where)) {
        out.add(r);
      }
    }
    return out;
  }

  /** A replacement target's objects: select's id and label parts, less the rejected ones. */
  static List<Res> targets(
      List<Res> resources, Map<String, Object> select, List<Object> rejects, String where) {
    List<Res> out = new ArrayList<>();
    for (Res r : resources) {
      if (!labelsMatch(r, select, where) || !idSelected(r, select, where)) {
        continue;
      }
      boolean rejected = false;
      for (Object o : rejects) {
        Map<String, Object> reject = Tree.map(o);
        boolean byLabels =
            (reject.get("labelSelector") != null || reject.get("annotationSelector") != null)
                && labelsMatch(r, reject, where);
        rejected |= byLabels || (hasId(reject, where) && idSelected(r, reject, where));
      }
      if (!rejected) {
        out.add(r);
      }
    }
    return out;
  }

  private static boolean hasId(Map<String, Object> selector, String where) {
    for (String f : List.of("group", "version", "kind", "name", "namespace")) {
      String v = Tree.string(selector, f, where);
      if (v != null && !v.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static boolean labelsMatch(Res r, Map<String, Object> selector, String where) {
    String labels = Tree.string(selector, "labelSelector", where);
    String annotations = Tree.string(selector, "annotationSelector", where);
    return (labels == null || Selector.matches(labels, r.labels(), where))
        && (annotations == null || Selector.matches(annotations, r.annotations(), where));
  }

  private static boolean idSelected(Res r, Map<String, Object> selector, String where) {
    for (String[] id : r.ids()) {
      if (selects(selector, id, where)) {
        return true;
      }
    }
    return false;
  }

  /** resid.IsSelectedBy of an id {namespace, name, kind, apiVersion}. */
  private static boolean selects(Map<String, Object> s, String[] id, String where) {
    String apiVersion = id[3];
    String namespace = Tree.string(s, "namespace", where);
    return equalWhenGiven(Tree.string(s, "group", where), Res.group(apiVersion))
        && equalWhenGiven(Tree.string(s, "version", where), Res.version(apiVersion))
        && equalWhenGiven(Tree.string(s, "kind", where), id[2])
        && equalWhenGiven(Tree.string(s, "name", where), id[1])
        && (namespace == null
            || namespace.isEmpty()
            || (!Schema.get().clusterScoped(apiVersion, id[2])
                && Res.effective(namespace).equals(Res.effective(id[0]))));
  }

  private static boolean equalWhenGiven(String wanted, String actual) {
    return wanted == null || wanted.isEmpty() || wanted.equals(actual);
  }
}
