package dev.hoist.kustomize;

import java.util.List;
import java.util.Map;

/**
 * {@code buildMetadata} of the top kustomization (kustomize ignores the field further down),
 * applied after the build: {@code managedByLabel} adds the label {@code
 * app.kubernetes.io/managed-by}, and the origin annotations {@link Origins} kept during the build
 * stay only for {@code originAnnotations} and {@code transformerAnnotations}. Other values are
 * accepted and do nothing, as in kustomize.
 */
final class BuildMetadata {
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /**
   * The label's value: "kustomize-" and the version of the kustomize module of the running program.
   * kubectl (which this engine matches) embeds kustomize as a library, where that version is unset,
   * so it writes {@code kustomize-(devel)}; the standalone kustomize v5.5.0 binary writes {@code
   * kustomize-v5.5.0}.
   */
  static final String MANAGED_BY_VALUE = "kustomize-(devel)";

  private BuildMetadata() {}

  static void apply(Map<String, Object> k, List<Res> resources, String where) {
    List<Object> options = Tree.listField(k, "buildMetadata", where);
    for (Object o : options) {
      if (!(o instanceof String)) {
        throw new RenderException(
            where + ": buildMetadata entries must be strings, not " + Tree.describe(o));
      }
    }
    for (Res r : resources) {
      if (options.contains("managedByLabel")) {
        Tree.child(r.metadata(), "labels").put(MANAGED_BY, MANAGED_BY_VALUE);
      }
      if (!(r.obj.get("metadata") instanceof Map<?, ?> meta
          && meta.get("annotations") instanceof Map<?, ?> a)) {
        continue;
      }
      if (!options.contains("originAnnotations")) {
        a.remove(Origins.ORIGIN);
      }
      if (!options.contains("transformerAnnotations")) {
        a.remove(Origins.TRANSFORMATIONS);
      }
      if (a.isEmpty()) {
        meta.remove("annotations");
      }
    }
  }
}
