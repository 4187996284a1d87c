package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A patch or replacement target: group, version, kind, name and namespace (regexes),
 * label/annotation selectors.
 */
final class Selector {
  private Selector() {}

  /**
   * kustomize's resWrangler.Select (patch and ValueAdd targets; replacements select as {@link
   * IdSelector} does).
   */
  static List<Res> select(List<Res> resources, Map<String, Object> target, String where) {
    // kustomize's SelectorRegex: group, version, kind, name and namespace are anchored patterns,
    // an empty one matching anything
    Pattern group = regex(Tree.string(target, "group", where));
    Pattern version = regex(Tree.string(target, "version", where));
    Pattern kind = regex(Tree.string(target, "kind", where));
    Pattern name = regex(Tree.string(target, "name", where));
    Pattern ns = regex(Tree.string(target, "namespace", where));
    String labels = Tree.string(target, "labelSelector", where);
    String annotations = Tree.string(target, "annotationSelector", where);
    List<Res> out = new ArrayList<>();
    for (Res r : resources) {
      if ((group != null && !group.matcher(r.group()).matches())
          || (version != null && !version.matcher(r.version()).matches())) {
        continue;
      }
      if (kind != null && !kind.matcher(r.kind()).matches()) {
        continue;
      }
      // kustomize's resWrangler.Select: the original or the current name and effective
      // namespace (not the ones in between, nor a name a JSON 6902 patch gave without a record)
      if ((name != null
              && !name.matcher(r.originalName()).matches()
              && !name.matcher(r.name()).matches())
          || (ns != null
              && !ns.matcher(effective(r, r.originalNamespace)).matches()
              && !ns.matcher(effective(r, r.namespace())).matches())) {
        continue;
      }
      if ((labels != null && !matches(labels, r.labels(), where))
          || (annotations != null && !matches(annotations, r.annotations(), where))) {
        continue;
      }
      out.add(r);
    }
    return out;
  }

  /** kustomize's EffectiveNamespace: none is default, a cluster-scoped kind has none at all. */
  private static String effective(Res r, String namespace) {
    if (Schema.get().clusterScoped(r.apiVersion(), r.kind())) {
      return "_non_namespaceable_";
    }
    return Res.effective(namespace);
  }

  private static Pattern regex(String s) {
    return s == null || s.isEmpty() ? null : Pattern.compile(s);
  }

  /**
   * Kubernetes label selector syntax: k=v, k==v, k!=v, k in (a,b), k notin (a,b), k, !k, k>n, k<n.
   */
  static boolean matches(String selector, Map<String, Object> labels, String where) {
    if (selector.isBlank()) {
      return true;
    }
    // every requirement is checked (a bad one fails the build even after a mismatch), and an empty
    // one between commas is an error, as in Kubernetes' labels.Parse
    boolean all = true;
    for (String req : split(selector)) {
      String t = req.trim();
      if (t.isEmpty()) {
        throw new RenderException(
            where + ": invalid selector " + selector + ": found ',', expected: identifier");
      }
      all &= requirement(t, labels, where);
    }
    return all;
  }

  private static boolean requirement(String t, Map<String, Object> labels, String where) {
    java.util.regex.Matcher set =
        Pattern.compile("([^\\s!=]+)\\s+(in|notin)\\s*\\((.*)\\)").matcher(t);
    if (set.matches()) {
      Set<String> values = new HashSet<>();
      Arrays.stream(set.group(3).split(",")).map(String::trim).forEach(values::add);
      Object v = labels.get(set.group(1));
      boolean in = v != null && values.contains(String.valueOf(v));
      return set.group(2).equals("in") ? in : !in;
    }
    java.util.regex.Matcher compare = Pattern.compile("([^\\s<>!=]+)\\s*([<>])\\s*(.*)").matcher(t);
    if (compare.matches()) {
      // k8s labels' Gt/Lt: the label must hold an integer greater (less) than the selector's
      long bound;
      try {
        bound = Long.parseLong(compare.group(3).trim());
      } catch (NumberFormatException e) {
        throw new RenderException(
            where + ": invalid selector " + t + ": for > and < the value must be an integer");
      }
      Object v = labels.get(compare.group(1));
      try {
        long value = Long.parseLong(String.valueOf(v));
        return compare.group(2).equals(">") ? value > bound : value < bound;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (t.contains("!=")) {
      String[] kv = t.split("!=", 2);
      return !kv[1].trim().equals(String.valueOf(labels.get(kv[0].trim())));
    }
    if (t.contains("=")) {
      String[] kv = t.split("==?", 2);
      Object v = labels.get(kv[0].trim());
      return v != null && kv[1].trim().equals(String.valueOf(v));
    }
    if (t.startsWith("!")) {
      return !labels.containsKey(t.substring(1).trim());
    }
    if (!t.matches("[A-Za-z0-9./_-]+")) {
      throw new RenderException(where + ": invalid selector " + t);
    }
    return labels.containsKey(t);
  }

  private static List<String> split(String selector) {
    return FieldPath.splitTopLevel(selector, ',', '(', ')');
  }
}
