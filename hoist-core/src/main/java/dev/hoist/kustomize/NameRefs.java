package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites references to renamed resources (prefix, suffix, hash) at exactly the fields of
 * kustomize v5.5's built-in name reference list (namereference.go), no more (a ReplicaSet's
 * serviceAccountName is not on it) and no less, but for a Node's deprecated configSource.
 */
final class NameRefs {
  /**
   * A referring field: the target kind (and version, empty for any), where it is, and whether the
   * field's map names the kind itself.
   */
  record Ref(String target, String version, FieldSpec spec, boolean kindField) {
    Ref(String target, FieldSpec spec, boolean kindField) {
      this(target, "", spec, kindField);
    }
  }

  static final List<Ref> REFS = NameReferenceList.refs();

  private NameRefs() {}

  static void fix(List<Res> resources, List<Ref> refs) {
    Map<String, List<Res>> byKind = new HashMap<>();
    for (Res r : resources) {
      byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
    }
    for (Res referrer : resources) {
      blankSubjectNamespace(referrer);
      for (Ref ref : refs) {
        List<Res> candidates = byKind.get(ref.target());
        if (candidates == null || !ref.spec().applies(referrer)) {
          continue;
        }
        if (!ref.version().isEmpty()) {
          candidates = candidates.stream().filter(c -> c.version().equals(ref.version())).toList();
        }
        List<Res> targets = candidates;
        ref.spec()
            .visit(
                referrer.obj,
                (parent, key) -> {
                  if (parent.get(key) instanceof List<?> names) {
                    // a list of names (RBAC resourceNames): each one that names a target
                    List<Object> renamed = new ArrayList<>();
                    for (Object n : names) {
                      Res match =
                          n instanceof String s ? select(referrer, targets, s, false) : null;
                      renamed.add(match != null ? match.name() : n);
                    }
                    parent.put(key, renamed);
                    return;
                  }
                  if (!(parent.get(key) instanceof String old)) {
                    return;
                  }
                  if (ref.kindField() && !ref.target().equals(parent.get("kind"))) {
                    return;
                  }
                  if (ref.spec().path().endsWith("subjects/name")
                      || ref.spec().path().endsWith("clientConfig/service/name")) {
                    mapping(referrer, parent, key, old, targets);
                    return;
                  }
                  Res match = select(referrer, targets, old, false);
                  if (match != null) {
                    parent.put(key, match.name());
                  }
                });
      }
    }
  }

  /**
   * kustomize reads the namespaces of a RoleBinding's ServiceAccount subjects before it fixes any
   * reference (getNamespacesForRoleBinding) and fails on one written but blank.
   */
  private static void blankSubjectNamespace(Res r) {
    if (!r.kind().equals("RoleBinding") || !(r.obj.get("subjects") instanceof List<?> subjects)) {
      return;
    }
    for (Object s : subjects) {
      if (s instanceof Map<?, ?> m
          && m.containsKey("namespace")
          && "ServiceAccount".equals(m.get("kind"))
          && !(m.get("namespace") instanceof String)) {
        throw new RenderException(
            "Invalid Input: namespace is blank for resource " + r.describe() + " (subjects)");
      }
    }
  }

  /**
   * A reference written as a map of name and namespace (an RBAC subject, a webhook's service), as
   * kustomize's nameref setMapping updates it: the candidates are those in the map's namespace (as
   * read, else as now; "" counts as {@code default}), or all of them when it names none; the one
   * {@link #select} picks gives its name and, when it has one, its namespace.
   */
  private static void mapping(
      Res referrer, Map<String, Object> subject, String key, String old, List<Res> all) {
    List<Res> candidates = all;
    if (subject.get("namespace") instanceof String ns) {
      candidates = all.stream().filter(c -> Res.effective(c.originalNamespace).equals(ns)).toList();
      if (candidates.isEmpty()) {
        candidates = all.stream().filter(c -> Res.effective(c.namespace()).equals(ns)).toList();
      }
    }
    Res match = select(referrer, candidates, old, true);
    if (match == null) {
      return;
    }
    subject.put(key, match.name());
    if (!match.namespace().isEmpty()) {
      subject.put("namespace", match.namespace());
    }
  }

  /**
   * kustomize's selectReferral: of the candidates that had {@code old} as a name before a
   * transformer moved or renamed them (one never touched is no candidate), those the referrer may
   * see (in its namespace, cluster-scoped, or a ServiceAccount); when several remain, those whose
   * name prefixes and suffixes end like the referrer's (empty ones match anything, then exactly);
   * several different ones left fail the build, as in kustomize.
   */
  static Res select(Res referrer, List<Res> candidates, String old, boolean withNamespace) {
    Schema schema = Schema.get();
    boolean referrerClusterScoped = schema.clusterScoped(referrer.apiVersion(), referrer.kind());
    List<Res> c =
        candidates.stream()
            .filter(r -> r.hadPreviousName(old))
            .filter(
                r ->
                    referrerClusterScoped
                        || schema.clusterScoped(r.apiVersion(), r.kind())
                        || r.kind().equals("ServiceAccount")
                        || Res.effective(r.namespace()).equals(Res.effective(referrer.namespace())))
            .toList();
    if (c.size() == 1) {
      return c.get(0);
    }
    c = c.stream().filter(r -> affixesEqual(r, referrer, true)).toList();
    if (c.size() > 1) {
      c = c.stream().filter(r -> affixesEqual(r, referrer, false)).toList();
    }
    if (c.size() <= 1) {
      return c.isEmpty() ? null : c.get(0);
    }
    Res first = c.get(0);
    if (c.stream()
        .allMatch(
            r ->
                r.name().equals(first.name())
                    && (!withNamespace || r.namespace().equals(first.namespace())))) {
      return first;
    }
    throw new RenderException(
        referrer.describe()
            + ": a reference to "
            + old
            + " is ambiguous: found multiple possible referrals: "
            + String.join(", ", c.stream().map(Res::describe).toList()));
  }

  /** kustomize's PrefixesSuffixesEquals. */
  private static boolean affixesEqual(Res r, Res o, boolean allowEmpty) {
    if (allowEmpty) {
      return (r.prefixes.isEmpty() || o.prefixes.isEmpty() || sameEnding(r.prefixes, o.prefixes))
          && (r.suffixes.isEmpty() || o.suffixes.isEmpty() || sameEnding(r.suffixes, o.suffixes));
    }
    return sameEnding(r.prefixes, o.prefixes) && sameEnding(r.suffixes, o.suffixes);
  }

  /** kustomize's SameEndingSubSlice: the shorter list is the end of the longer one. */
  private static boolean sameEnding(List<String> a, List<String> b) {
    List<String> shortest = a.size() <= b.size() ? a : b;
    List<String> longest = a.size() <= b.size() ? b : a;
    int diff = longest.size() - shortest.size();
    if (shortest.isEmpty()) {
      return diff == 0;
    }
    for (int i = shortest.size() - 1; i >= 0; i--) {
      if (!longest.get(i + diff).equals(shortest.get(i))) {
        return false;
      }
    }
    return true;
  }
}
