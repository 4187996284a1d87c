package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legacy {@code vars:}: {@code $(NAME)} in the fields of kustomize's built-in var reference
 * list (kustomize v5.5's varreference: container command, args, env values and mount paths, NFS
 * servers, Service ports, Ingress hosts and TLS, labels and annotations) is replaced by a field of
 * a resource, after every other transformation. {@code $$} escapes a {@code $}; unknown names are
 * left as they are.
 */
final class Vars {
  static final List<FieldSpec> REFERENCES = references();

  private Vars() {}

  private static List<FieldSpec> references() {
    List<FieldSpec> out = new ArrayList<>();
    Map<String, String> workloads = new LinkedHashMap<>();
    workloads.put("Pod", "spec/");
    for (String k : List.of("Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job")) {
      workloads.put(k, "spec/template/spec/");
    }
    workloads.put("CronJob", "spec/jobTemplate/spec/template/spec/");
    workloads.forEach(
        (kind, prefix) -> {
          for (String c : List.of("containers", "initContainers")) {
            for (String f : List.of("args", "command", "env/value", "volumeMounts/mountPath")) {
              out.add(FieldSpec.of(kind, prefix + c + "/" + f, false));
            }
          }
        });
    // kustomize v5.5's varreference.go, quirks included: a CronJob's nfs server path lacks the pod
    // spec's "spec/", a StatefulSet's is under volumeClaimTemplates
    for (String kind : List.of("Pod", "Deployment", "ReplicaSet", "DaemonSet", "Job")) {
      out.add(FieldSpec.of(kind, workloads.get(kind) + "volumes/nfs/server", false));
    }
    out.add(FieldSpec.of("CronJob", "spec/jobTemplate/spec/template/volumes/nfs/server", false));
    out.add(FieldSpec.of("StatefulSet", "spec/volumeClaimTemplates/spec/nfs/server", false));
    out.add(FieldSpec.of("PersistentVolume", "spec/nfs/server", false));
    out.add(FieldSpec.of("Deployment", "spec/template/metadata/annotations", false));
    out.add(FieldSpec.of("Service", "spec/ports/port", false));
    out.add(FieldSpec.of("Service", "spec/ports/targetPort", false));
    out.add(FieldSpec.of("Ingress", "spec/rules/host", false));
    out.add(FieldSpec.of("Ingress", "spec/tls/hosts", false));
    out.add(FieldSpec.of("Ingress", "spec/tls/secretName", false));
    out.add(FieldSpec.of("metadata/annotations", false));
    out.add(FieldSpec.of("metadata/labels", false));
    return List.copyOf(out);
  }

  /** Adds this kustomization's vars to {@code into}; a name defined twice is an error. */
  static void collect(Map<String, Object> k, String where, Map<String, Map<String, Object>> into) {
    for (Object o : Tree.listField(k, "vars", where)) {
      if (!(o instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)) {
        throw new RenderException(where + ": vars entries need a name");
      }
      if (into.putIfAbsent(name, Tree.map(m)) != null) {
        throw new RenderException(where + ": var '" + name + "' already encountered");
      }
    }
  }

  /**
   * kustomize's MergeVars: each var of this kustomization is bound to the one object of this level
   * its objref names (by any name it had; by namespace too when the objref gives one); several fail
   * the build, none leaves it unbound (an error only if it is resolved).
   */
  static void bind(Map<String, Object> k, List<Res> resources, String where) {
    for (Object o : Tree.listField(k, "vars", where)) {
      Map<String, Object> var = Tree.map(o);
      String name = String.valueOf(var.get("name"));
      Map<String, Object> ref = Tree.mapField(var, "objref", where + ": var " + name);
      String kind = orEmpty(Tree.string(ref, "kind", where));
      String refName = orEmpty(Tree.string(ref, "name", where));
      String namespace = orEmpty(Tree.string(ref, "namespace", where));
      // kustomize's Target.GVK: apiVersion when given, else the group and version fields; the
      // objref's id must equal one of an object's ids (group and version too: an objref without
      // them names nothing), its namespace compared only when given or for a cluster-scoped kind
      String apiVersion = orEmpty(Tree.string(ref, "apiVersion", where));
      if (apiVersion.isEmpty()) {
        String group = orEmpty(Tree.string(ref, "group", where));
        String version = orEmpty(Tree.string(ref, "version", where));
        apiVersion = group.isEmpty() ? version : group + "/" + version;
      }
      boolean cluster = Schema.get().clusterScoped(apiVersion, kind);
      List<Res> matched = new ArrayList<>();
      for (Res r : resources) {
        for (String[] id : r.ids()) {
          if (id[2].equals(kind)
              && id[1].equals(refName)
              && id[3].equals(apiVersion)
              && (cluster
                  || namespace.isEmpty()
                  || Res.effective(namespace).equals(Res.effective(id[0])))) {
            matched.add(r);
            break;
          }
        }
      }
      if (matched.size() > 1) {
        throw new RenderException(
            where
                + ": found "
                + matched.size()
                + " resId matches for var "
                + name
                + " (unable to disambiguate): "
                + String.join(", ", matched.stream().map(Res::describe).toList()));
      }
      if (matched.size() == 1 && !matched.get(0).refVars.contains(name)) {
        matched.get(0).refVars.add(name);
      }
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  static void resolve(
      List<Res> resources, Map<String, Map<String, Object>> vars, List<FieldSpec> references) {
    if (vars.isEmpty()) {
      return;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    vars.forEach((name, v) -> values.put(name, value(resources, name, v)));
    for (Res r : resources) {
      for (FieldSpec fs : references) {
        if (!fs.applies(r)) {
          continue;
        }
        fs.visit(
            r.obj,
            (parent, key) -> {
              if (parent.get(key) != null) {
                parent.put(key, substitute(parent.get(key), values));
              }
            });
      }
    }
  }

  private static Object substitute(Object v, Map<String, Object> values) {
    if (v instanceof String s) {
      return expand(s, values);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object e : l) {
        out.add(substitute(e, values));
      }
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      Tree.map(m).forEach((k, e) -> out.put(k, e instanceof String s ? expand(s, values) : e));
      return out;
    }
    return v;
  }

  private static Object value(List<Res> resources, String name, Map<String, Object> var) {
    // kustomize's findVarValueFromResources: the first object the var was bound to
    Res match = resources.stream().filter(r -> r.refVars.contains(name)).findFirst().orElse(null);
    if (match == null) {
      throw new RenderException(
          "var '" + name + "' cannot be mapped to a field in the set of known resources");
    }
    Map<String, Object> fieldref = Tree.mapField(var, "fieldref", "var " + name);
    // Go's encoding/json matches fieldPath case-insensitively: fieldpath: is the same field
    String path = "metadata.name";
    for (Map.Entry<String, Object> e : fieldref.entrySet()) {
      if (e.getKey().equalsIgnoreCase("fieldPath") && e.getValue() instanceof String p) {
        path = p;
      }
    }
    List<Object> found = FieldPath.get(match.obj, path.replaceAll("\\[([0-9]+)\\]", ".$1"));
    if (found.isEmpty() || found.get(0) instanceof Map<?, ?> || found.get(0) instanceof List<?>) {
      throw new RenderException(
          "var '" + name + "': field " + path + " not found in " + match.describe());
    }
    return found.get(0);
  }

  /**
   * Kubernetes-style expansion: $(NAME) replaced, $$ → $; a field that is exactly $(NAME) keeps the
   * type.
   */
  static Object expand(String s, Map<String, Object> values) {
    if (s.startsWith("$(") && s.endsWith(")") && s.indexOf(')') == s.length() - 1) {
      Object v = values.get(s.substring(2, s.length() - 1));
      if (v != null) {
        return v;
      }
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '$' && i + 1 < s.length()) {
        char n = s.charAt(i + 1);
        if (n == '$') {
          out.append('$');
          i += 2;
          continue;
        }
        int close = s.indexOf(')', i + 2);
        if (n == '(' && close > 0) {
          String name = s.substring(i + 2, close);
          Object v = values.get(name);
          out.append(v == null ? s.substring(i, close + 1) : Tree.scalarText(v));
          i = close + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
