package dev.hoist.kustomize;

import static dev.hoist.kustomize.GoJson.Leaf.BOOL;
import static dev.hoist.kustomize.GoJson.Leaf.MAP_BOOL;
import static dev.hoist.kustomize.GoJson.Leaf.MAP_STRING;
import static dev.hoist.kustomize.GoJson.Leaf.STRING;
import static dev.hoist.kustomize.KustomizationTypes.concat;

import dev.hoist.kustomize.GoJson.Slice;
import dev.hoist.kustomize.GoJson.Struct;
import java.util.Map;

/**
 * The configs of kustomize v5.5's built-in plugins (api/internal/builtins) as Go structs, so that a
 * config under {@code generators:} or {@code transformers:} is decoded as kustomize's plugins
 * decode theirs: most with sigs.k8s.io/yaml, field names matching case-insensitively and unknown
 * fields (apiVersion, kind, …) dropped.
 */
final class PluginTypes {
  private PluginTypes() {}

  private static final Object[] SPECS = {"fieldSpecs", new Slice(KustomizationTypes.FIELD_SPEC)};

  private static final Map<String, Struct> CONFIGS =
      Map.ofEntries(
          config("PrefixTransformer", concat(SPECS, "prefix", STRING)),
          config("SuffixTransformer", concat(SPECS, "suffix", STRING)),
          config("PrefixSuffixTransformer", concat(SPECS, "prefix", STRING, "suffix", STRING)),
          config(
              "NamespaceTransformer",
              concat(
                  SPECS,
                  "metadata",
                  KustomizationTypes.OBJECT_META,
                  "unsetOnly",
                  BOOL,
                  "setRoleBindingSubjects",
                  STRING)),
          config("LabelTransformer", concat(SPECS, "labels", MAP_STRING)),
          config("AnnotationsTransformer", concat(SPECS, "annotations", MAP_STRING)),
          config("ImageTagTransformer", concat(SPECS, "imageTag", KustomizationTypes.IMAGE)),
          config("ReplicaCountTransformer", concat(SPECS, "replica", KustomizationTypes.REPLICA)),
          config(
              "PatchTransformer",
              new Object[] {
                "path", STRING,
                "patch", STRING,
                "target", KustomizationTypes.SELECTOR,
                "options", MAP_BOOL
              }),
          config(
              "PatchJson6902Transformer",
              new Object[] {
                "target", KustomizationTypes.SELECTOR, "path", STRING, "jsonOp", STRING
              }),
          config(
              "PatchStrategicMergeTransformer",
              new Object[] {"paths", KustomizationTypes.STRINGS, "patches", STRING}),
          config(
              "ReplacementTransformer",
              new Object[] {"replacements", new Slice(KustomizationTypes.REPLACEMENT_FIELD)}),
          config("HashTransformer", new Object[] {}),
          config(
              "ValueAddTransformer",
              new Object[] {
                "value", STRING,
                "targets",
                    new Slice(
                        Struct.of(
                            "Target",
                            false,
                            "selector",
                            KustomizationTypes.SELECTOR,
                            "fieldPath",
                            STRING,
                            "filePathPosition",
                            GoJson.Leaf.INT)),
                "targetFilePath", STRING
              }),
          config(
              "IAMPolicyGenerator",
              new Object[] {
                "cloud", STRING,
                "kubernetesService",
                    Struct.of("KubernetesService", false, "name", STRING, "namespace", STRING),
                "serviceAccount",
                    Struct.of("ServiceAccount", false, "name", STRING, "projectId", STRING)
              }),
          config(
              "ConfigMapGenerator",
              concat(
                  KustomizationTypes.GENERATOR_ARGS, "metadata", KustomizationTypes.OBJECT_META)),
          config(
              "SecretGenerator",
              concat(
                  KustomizationTypes.GENERATOR_ARGS,
                  "metadata",
                  KustomizationTypes.OBJECT_META,
                  "type",
                  STRING)));

  private static Map.Entry<String, Struct> config(String kind, Object[] fields) {
    return Map.entry(kind, Struct.of(kind + "Plugin", false, fields));
  }

  /** Whether hoist decodes (and runs) the built-in plugin {@code kind}. */
  static boolean known(String kind) {
    return CONFIGS.containsKey(kind);
  }

  /**
   * {@code config} decoded as the plugin {@code kind} decodes it. The prefix and suffix plugins
   * read theirs with kyaml's go-yaml (exact field names, unknown ones ignored), so it is returned
   * as written; every other one uses sigs.k8s.io/yaml (Go's encoding/json rules).
   */
  static Map<String, Object> decode(String kind, Map<String, Object> config, String where) {
    if (kind.startsWith("Prefix") || kind.startsWith("Suffix")) {
      return config;
    }
    return Tree.map(new GoJson(where, false).decode(config, CONFIGS.get(kind), null, ""));
  }
}
