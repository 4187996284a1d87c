package dev.hoist.kustomize;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code transformers:} field holding built-in plugin configs ({@code apiVersion: builtin}), as
 * kustomize's {@code configureExternalTransformers} reads them: each entry is an inline config (a
 * YAML text with a kind), a file of configs or a kustomization directory whose objects are configs,
 * and they run in order after the level's own transformers. A config is decoded as kustomize
 * decodes plugin configs (sigs.k8s.io/yaml: unknown fields ignored) and carries its field specs
 * itself, unlike the kustomization's fields which use the built-in ones. A KRM function or exec
 * plugin and the plugins not handled here are left to kustomize.
 */
final class PluginConfigs {
  private PluginConfigs() {}

  /**
   * One plugin config and the file it was written in: null inline in the kustomization, the entry
   * for a file, empty for a config a kustomization directory produced.
   */
  record Plugin(Map<String, Object> config, String file) {
    /** Origin tracking for what this config makes or changes (null when not tracked). */
    Origins origins(Origins level, String where) {
      if (level == null) {
        return null;
      }
      if ("".equals(file)) {
        throw RenderException.unsupported(
            where
                + ": a plugin config from a directory, with buildMetadata, is not supported by the"
                + " embedded engine; use --engine kustomize");
      }
      Map<String, Object> meta = Tree.mapField(config, "metadata", where);
      return level.plugin(
          file, Tree.string(meta, "name", where), Tree.string(meta, "namespace", where));
    }
  }

  /** Builds a directory entry: a kustomization whose objects are the configs. */
  interface Subtree {
    List<Res> build(java.nio.file.Path dir);
  }

  static void transform(
      Loader loader,
      Map<String, Object> k,
      List<Res> resources,
      String where,
      Config config,
      Origins origins,
      Subtree subtree) {
    List<Object> entries = Tree.listField(k, "transformers", where);
    if (entries.isEmpty()) {
      return;
    }
    for (Object entry : entries) {
      for (Plugin plugin : configs(loader, String.valueOf(entry), where, "transformers", subtree)) {
        Origins tracked = plugin.origins(origins, where);
        run(loader, plugin.config(), resources, where, config);
        if (tracked != null) {
          tracked.transformed(resources, String.valueOf(plugin.config().get("kind")), 1);
        }
      }
    }
  }

  static void builtin(Map<String, Object> plugin, String at) {
    if (!"builtin".equals(plugin.get("apiVersion"))) {
      throw RenderException.unsupported(
          at
              + " (apiVersion "
              + plugin.get("apiVersion")
              + ") is a KRM function or exec plugin, not supported by the embedded engine; use"
              + " --engine kustomize");
    }
  }

  /** The configs of one entry: inline YAML (kustomize tries that first) or a file of them. */
  static List<Plugin> configs(
      Loader loader, String entry, String where, String field, Subtree subtree) {
    List<Object> docs = null;
    String source = where + ": " + field;
    if (entry.contains("\n") || entry.contains(":")) {
      try {
        docs = Values.documents(entry, source);
      } catch (RenderException e) {
        docs = null; // not inline YAML: a path
      }
      if (docs != null && !docs.stream().allMatch(d -> d instanceof Map<?, ?>)) {
        docs = null;
      }
    }
    String file = null;
    if (docs == null) {
      file = entry;
      java.nio.file.Path dir = loader.resolve(entry, field);
      if (Files.isDirectory(dir)) {
        // kustomize builds it (accumulateResources) and takes its objects as the configs
        return subtree.build(dir).stream().map(r -> new Plugin(r.obj, "")).toList();
      }
      source = loader.dir.resolve(entry).toString();
      docs = Values.documents(loader.read(entry, field), source);
    }
    List<Plugin> out = new ArrayList<>();
    for (Object d : docs) {
      if (!(d instanceof Map<?, ?> m)) {
        throw new RenderException(source + ": a plugin config must be a mapping");
      }
      out.add(new Plugin(Tree.map(m), file));
    }
    return out;
  }

  private static void run(
      Loader loader, Map<String, Object> plugin, List<Res> resources, String where, Config config) {
    String kind = String.valueOf(plugin.get("kind"));
    String at = where + ": transformers: " + kind;
    builtin(plugin, at);
    if (kind.equals("SortOrderTransformer")) {
      // kustomize v5.5 does not wire it as a transformers: plugin (only sortOptions: uses it)
      throw new RenderException(at + ": unable to load builtin SortOrderTransformer");
    }
    if (kind.endsWith("Generator") || !PluginTypes.known(kind)) {
      throw RenderException.unsupported(
          at + " is not supported by the embedded engine; use --engine kustomize");
    }
    plugin = PluginTypes.decode(kind, plugin, at);
    switch (kind) {
      case "PrefixTransformer" -> rename(resources, plugin, at, true, false);
      case "SuffixTransformer" -> rename(resources, plugin, at, false, true);
      case "PrefixSuffixTransformer" -> rename(resources, plugin, at, true, true);
      case "NamespaceTransformer" -> {
        // kustomize: nothing to do without a namespace
        String ns = Tree.string(Tree.mapField(plugin, "metadata", at), "namespace", at);
        if (ns != null && !ns.isEmpty()) {
          Namespaces.apply(
              resources,
              ns,
              specs(plugin, at, false),
              Boolean.TRUE.equals(plugin.get("unsetOnly")),
              Tree.string(plugin, "setRoleBindingSubjects", at),
              at);
        }
      }
      // kustomize's HashTransformer leaves the object due its hash, so the build's own pass
      // at the end hashes it again (cfg-h29d89cmmt-h29d89cmmt), as kustomize does
      case "HashTransformer" -> Hashes.addSuffixes(resources);
      case "ValueAddTransformer" -> ValueAdd.apply(loader, plugin, resources, at);
      case "LabelTransformer" -> merge(resources, plugin, "labels", at);
      case "AnnotationsTransformer" -> merge(resources, plugin, "annotations", at);
      case "ImageTagTransformer" -> {
        Config own = config.copy();
        own.images.clear();
        own.images.addAll(specs(plugin, at, false));
        Images.apply(field("images", plugin.get("imageTag")), resources, at, own);
      }
      case "ReplicaCountTransformer" -> {
        Config own = config.copy();
        own.replicas.clear();
        own.replicas.addAll(specs(plugin, at, false));
        Replicas.apply(field("replicas", plugin.get("replica")), resources, at, own);
      }
      case "PatchTransformer" ->
          Patches.patch(
              loader,
              only(plugin, "path", "patch", "target", "options"),
              resources,
              at,
              config::schemaForMerge);
      case "PatchJson6902Transformer" -> {
        Map<String, Object> entry = only(plugin, "path", "target");
        if (plugin.get("jsonOp") != null) {
          entry.put("patch", plugin.get("jsonOp"));
        }
        Patches.json6902(loader, entry, resources, at);
      }
      case "PatchStrategicMergeTransformer" -> {
        List<Object> patches = new ArrayList<>(Tree.listField(plugin, "paths", at));
        if (plugin.get("patches") instanceof String inline && !inline.isBlank()) {
          patches.add(inline.contains("\n") ? inline : inline + "\n");
        }
        Patches.strategicMergeFiles(
            loader,
            Map.of("patchesStrategicMerge", patches),
            resources,
            at,
            config::schemaForMerge);
      }
      case "ReplacementTransformer" ->
          Replacements.apply(loader, only(plugin, "replacements"), resources, at);
      default ->
          throw RenderException.unsupported(
              at + " is not supported by the embedded engine; use --engine kustomize");
    }
  }

  /** kustomize's Prefix/SuffixTransformer with the config's own field specs (required). */
  private static void rename(
      List<Res> resources, Map<String, Object> plugin, String at, boolean prefix, boolean suffix) {
    List<FieldSpec> specs = specs(plugin, at, true);
    if (prefix) {
      Transforms.affix(resources, Tree.string(plugin, "prefix", at), "", specs, at);
    }
    if (suffix) {
      Transforms.affix(resources, "", Tree.string(plugin, "suffix", at), specs, at);
    }
  }

  /** kustomize's Label/AnnotationsTransformer: nothing to do without pairs. */
  private static void merge(
      List<Res> resources, Map<String, Object> plugin, String key, String at) {
    Map<String, Object> pairs = Labels.strings(Tree.mapField(plugin, key, at), at);
    if (pairs.isEmpty()) {
      return;
    }
    List<FieldSpec> specs = specs(plugin, at, false);
    for (Res r : resources) {
      for (FieldSpec fs : specs) {
        if (fs.applies(r)) {
          Labels.merge(r.obj, fs, pairs);
        }
      }
    }
  }

  private static List<FieldSpec> specs(Map<String, Object> plugin, String at, boolean required) {
    if (required && plugin.get("fieldSpecs") == null) {
      // kustomize: "fieldSpecs is not expected to be nil"
      throw new RenderException(at + ": fieldSpecs is not expected to be nil");
    }
    return FieldSpec.parse(Tree.listField(plugin, "fieldSpecs", at), at);
  }

  private static Map<String, Object> field(String key, Object entry) {
    return Map.of(key, entry == null ? List.of() : List.of(entry));
  }

  static Map<String, Object> only(Map<String, Object> plugin, String... keys) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (String key : keys) {
      if (plugin.get(key) != null) {
        out.put(key, plugin.get(key));
      }
    }
    return out;
  }
}
