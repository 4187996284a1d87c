package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kustomize's namespace filter, behind both the kustomization's {@code namespace:} field and the
 * built-in {@code NamespaceTransformer} plugin config: every namespaced object gets the namespace
 * in {@code metadata.namespace}; RBAC bindings' subjects get it by the {@code
 * setRoleBindingSubjects} mode ({@code defaultOnly}: subjects named {@code default}; {@code
 * allServiceAccounts}: every ServiceAccount subject; {@code none}); then every field spec that
 * reaches the object (a {@code v1} Namespace's {@code metadata/name} renames it). With {@code
 * unsetOnly} only empty fields are set.
 */
final class Namespaces {
  static final String DEFAULT_ONLY = "defaultOnly";
  private static final Set<String> MODES = Set.of(DEFAULT_ONLY, "allServiceAccounts", "none");

  private Namespaces() {}

  /**
   * The kustomization's {@code namespace:} field: kustomize's built-in specs plus configurations'.
   */
  static void field(List<Res> resources, String ns, Config config, String where) {
    List<FieldSpec> specs = new ArrayList<>();
    specs.add(FieldSpec.of("Namespace", "metadata/name", true));
    specs.addAll(config.namespace);
    apply(resources, ns, specs, false, DEFAULT_ONLY, where);
  }

  static void apply(
      List<Res> resources,
      String ns,
      List<FieldSpec> specs,
      boolean unsetOnly,
      String subjectsMode,
      String where) {
    String mode = subjectsMode == null || subjectsMode.isEmpty() ? DEFAULT_ONLY : subjectsMode;
    if (!MODES.contains(mode)) {
      throw new RenderException(
          where
              + ": invalid value \""
              + mode
              + "\" for setRoleBindingSubjects: must be one of \"defaultOnly\", \"none\" or"
              + " \"allServiceAccounts\"");
    }
    Schema schema = Schema.get();
    for (Res r : resources) {
      r.storePreviousId(); // as kustomize's NamespaceTransformer does for every object
      if (!schema.clusterScoped(r.apiVersion(), r.kind())) {
        set(r.metadata(), "namespace", ns, unsetOnly);
      }
      boolean binding = isBinding(r.kind());
      if (binding) {
        subjects(r, ns, mode, unsetOnly);
      }
      for (FieldSpec fs : specs) {
        if (fs.path().equals("metadata/namespace")
            || (fs.path().equals("metadata/name") && !r.apiVersion().equals("v1"))
            || (binding && isBinding(fs.kind()) && fs.path().equals("subjects/namespace"))
            || !fs.applies(r)) {
          continue;
        }
        if (fs.path().equals("metadata/name")) {
          if (!unsetOnly || r.name().isEmpty()) {
            r.rename(ns);
          }
          continue;
        }
        fs.visit(
            r.obj,
            (parent, key) -> {
              if (!parent.containsKey(key) && !fs.create()) {
                return;
              }
              Object v = parent.get(key);
              if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw new RenderException(
                    where
                        + ": namespace field specs must target scalar nodes ("
                        + fs.path()
                        + " of "
                        + r.describe()
                        + ")");
              }
              set(parent, key, ns, unsetOnly);
            });
      }
    }
  }

  private static boolean isBinding(String kind) {
    return kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding");
  }

  /** kustomize's roleBindingHack: the subjects the mode names get the namespace. */
  private static void subjects(Res r, String ns, String mode, boolean unsetOnly) {
    if (mode.equals("none") || !(r.obj.get("subjects") instanceof List<?> subjects)) {
      return;
    }
    for (Object s : subjects) {
      if (s instanceof Map<?, ?> m
          && (mode.equals(DEFAULT_ONLY)
              ? "default".equals(m.get("name"))
              : "ServiceAccount".equals(m.get("kind")))) {
        set(Tree.map(m), "namespace", ns, unsetOnly);
      }
    }
  }

  private static void set(Map<String, Object> parent, String key, String ns, boolean unsetOnly) {
    Object v = parent.get(key);
    if (unsetOnly && v != null && !"".equals(v)) {
      return;
    }
    parent.put(key, ns);
  }
}
