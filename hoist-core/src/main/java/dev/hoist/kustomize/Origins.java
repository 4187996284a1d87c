package dev.hoist.kustomize;

import java.util.List;
import java.util.Map;

/**
 * kustomize's origin tracking, on for the whole build when the top kustomization lists any {@code
 * buildMetadata} (kustomize ignores the field further down). Like kustomize, the annotations live
 * on the resources during the build, so patches, selectors and replacements see them: {@code
 * config.kubernetes.io/origin} holds where a resource came from (its file, or the generator and the
 * kustomization configuring it) and {@code alpha.config.kubernetes.io/transformations} lists every
 * built-in transformer that ran over it (each configured transformer records itself on every
 * resource present after it ran, whether it changed the resource or not). {@link BuildMetadata}
 * removes what was not asked for. Paths are joined and cleaned lexically, relative to the top
 * directory, as the entries are written.
 */
final class Origins {
  static final String ORIGIN = "config.kubernetes.io/origin";
  static final String TRANSFORMATIONS = "alpha.config.kubernetes.io/transformations";

  /** The directory of the kustomization being built, relative to the top one ("" for the top). */
  private final String dir;

  /**
   * The file name of that kustomization (kustomization.yaml, kustomization.yml or Kustomization).
   */
  private final String kustomizationFile;

  /**
   * For a plugin config (generators:/transformers:): the file it was written in, relative to this
   * kustomization (null: the kustomization itself), and its metadata name and namespace.
   */
  private final String pluginFile;

  private final String pluginName;
  private final String pluginNamespace;

  private Origins(String dir, String kustomizationFile) {
    this(dir, kustomizationFile, null, null, null);
  }

  private Origins(
      String dir,
      String kustomizationFile,
      String pluginFile,
      String pluginName,
      String pluginNamespace) {
    this.dir = dir;
    this.kustomizationFile = kustomizationFile;
    this.pluginFile = pluginFile;
    this.pluginName = pluginName;
    this.pluginNamespace = pluginNamespace;
  }

  /**
   * Tracking for what the plugin config written in {@code file} (null: inline in the kustomization)
   * with {@code name} and {@code namespace} generates or transforms: kustomize names the config in
   * configuredBy.
   */
  Origins plugin(String file, String name, String namespace) {
    return new Origins(dir, kustomizationFile, file, name, namespace);
  }

  /** Tracking for the top kustomization, or null when it has no buildMetadata. */
  static Origins top(Map<String, Object> k, String kustomizationFile, String where) {
    return Tree.listField(k, "buildMetadata", where).isEmpty()
        ? null
        : new Origins("", kustomizationFile);
  }

  /** Tracking for the kustomization (or component) at {@code ref}, as written in this one. */
  Origins enter(String ref, String kustomizationFile) {
    return new Origins(GoPath.join(dir, ref), kustomizationFile);
  }

  /** Records that {@code resources} were read from the file {@code ref}. */
  void fromFile(List<Res> resources, String ref) {
    String text = "path: " + GoPath.join(dir, ref) + "\n";
    for (Res r : resources) {
      annotations(r).put(ORIGIN, text);
    }
  }

  /** Records the generator of a generated resource (unless it already names an origin). */
  void generated(Res r, String generatorKind) {
    annotations(r).putIfAbsent(ORIGIN, configured(generatorKind, ""));
  }

  /**
   * Records {@code count} runs of the built-in transformer {@code kind} over every resource
   * present.
   */
  void transformed(List<Res> resources, String kind, int count) {
    for (int i = 0; i < count; i++) {
      for (Res r : resources) {
        Map<String, Object> a = annotations(r);
        if (!a.containsKey(ORIGIN)) {
          // kustomize takes a resource without an origin for one the transformer made
          a.put(ORIGIN, configured(kind, ""));
          continue;
        }
        Object old = a.get(TRANSFORMATIONS);
        a.put(TRANSFORMATIONS, (old == null ? "" : checked(old, r)) + configured(kind, "- "));
      }
    }
  }

  private String configured(String kind, String first) {
    String indent = first.isEmpty() ? "" : "  ";
    StringBuilder out =
        new StringBuilder(first)
            .append("configuredIn: ")
            .append(GoPath.join(dir, pluginFile == null ? kustomizationFile : pluginFile))
            .append("\n")
            .append(indent)
            .append("configuredBy:\n")
            .append(indent)
            .append("  apiVersion: builtin\n")
            .append(indent)
            .append("  kind: ")
            .append(kind)
            .append("\n");
    if (pluginName != null && !pluginName.isEmpty()) {
      out.append(indent).append("  name: ").append(pluginName).append("\n");
    }
    if (pluginNamespace != null && !pluginNamespace.isEmpty()) {
      out.append(indent).append("  namespace: ").append(pluginNamespace).append("\n");
    }
    return out.toString();
  }

  /**
   * The list text so far; kustomize re-reads it, so a value it could not read as a list fails the
   * build.
   */
  private static String checked(Object old, Res r) {
    if (!(old instanceof String s) || (!s.isEmpty() && !(s.startsWith("- ") && s.endsWith("\n")))) {
      throw new RenderException(
          r.describe() + ": annotation " + TRANSFORMATIONS + " is not a list of transformations");
    }
    return s;
  }

  private static Map<String, Object> annotations(Res r) {
    return Tree.child(r.metadata(), "annotations");
  }
}
