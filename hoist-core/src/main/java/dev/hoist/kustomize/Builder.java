package dev.hoist.kustomize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one kustomization the way kustomize's KustTarget does: resources (files and directories,
 * recursively), then generators, then components, then this level's transformers over everything.
 */
final class Builder {
  static final Set<String> NOT_EMBEDDED =
      Set.of("helmCharts", "helmGlobals", "helmChartInflationGenerator", "validators");

  private final LoadRestrictor restrictor;
  private final int depth;

  /** Every level's vars (kustomize merges them up to the top, where they are resolved). */
  final java.util.Map<String, Map<String, Object>> vars;

  /**
   * The transformers' field specs (built-in plus configurations), shared like kustomize merges them
   * up.
   */
  final Config config;

  /** Origin tracking for this kustomization (null when the top one has no buildMetadata). */
  private Origins origins;

  Builder(LoadRestrictor restrictor, int depth) {
    this(restrictor, depth, new java.util.LinkedHashMap<>(), new Config(), null);
  }

  private Builder(
      LoadRestrictor restrictor,
      int depth,
      java.util.Map<String, Map<String, Object>> vars,
      Config config,
      Origins origins) {
    this.restrictor = restrictor;
    this.depth = depth;
    this.vars = vars;
    this.config = config;
    this.origins = origins;
  }

  /**
   * A builder for the kustomization or component at {@code ref} (as written here), one level down.
   */
  private Builder child(String ref, Path sub) {
    Origins o =
        origins == null
            ? null
            : origins.enter(
                ref, new Loader(sub, restrictor).kustomizationFile().getFileName().toString());
    return new Builder(restrictor, depth + 1, vars, config, o);
  }

  /** The resources of the kustomization in {@code dir}, transformed at this level. */
  Level build(Path dir, boolean component, List<Res> into) {
    if (depth > 50) {
      throw new RenderException(dir + ": kustomizations nest too deep (a cycle?)");
    }
    Loader loader = new Loader(dir, restrictor);
    String where = loader.kustomizationFile().toString();
    Map<String, Object> k = KustomizationTypes.kustomization(loader.kustomization(), where);
    check(k, where, component, depth == 0);
    customSchema(loader, k, where);
    if (depth == 0) {
      origins = Origins.top(k, loader.kustomizationFile().getFileName().toString(), where);
    }
    List<Res> resources = into;
    List<Object> refs = new ArrayList<>(Tree.listField(k, "bases", where));
    refs.addAll(0, Tree.listField(k, "resources", where));
    for (Object ref : refs) {
      List<Res> added = resource(loader, String.valueOf(ref));
      noteKinds(added);
      addAll(resources, added, where);
    }
    config.load(loader, k, where);
    Crds.load(loader, k, where, config);
    Generators.run(loader, k, resources, where, origins);
    PluginGenerators.run(loader, k, resources, where, origins, this::configsFrom);
    for (Object ref : Tree.listField(k, "components", where)) {
      Path sub = loader.resolve(String.valueOf(ref), "components");
      if (!Files.isDirectory(sub)) {
        throw new RenderException(where + ": components: " + ref + " is not a directory");
      }
      child(String.valueOf(ref), sub).build(sub, true, resources);
    }
    Transforms.apply(loader, k, resources, where, config, origins);
    PluginConfigs.transform(loader, k, resources, where, config, origins, this::configsFrom);
    Vars.collect(k, where, vars);
    Vars.bind(k, resources, where);
    return new Level(resources, k);
  }

  /** A kustomization of plugin configs (a generators: or transformers: directory), built alone. */
  private List<Res> configsFrom(Path dir) {
    List<Res> out = new ArrayList<>();
    new Builder(restrictor, depth + 1).build(dir, false, out);
    return out;
  }

  /** The kustomization's fields and the built resources. */
  record Level(List<Res> resources, Map<String, Object> kustomization) {}

  private static void check(Map<String, Object> k, String where, boolean component, boolean top) {
    for (String key : k.keySet()) {
      if (NOT_EMBEDDED.contains(key)) {
        throw RenderException.unsupported(
            where
                + ": field "
                + key
                + " is not supported by the embedded engine; use --engine kustomize");
      }
    }
    String kind = k.get("kind") == null ? "Kustomization" : String.valueOf(k.get("kind"));
    // kustomize's EnforceFields: a kind's apiVersion, when given, is the one it requires
    String required =
        kind.equals("Component")
            ? "kustomize.config.k8s.io/v1alpha1"
            : "kustomize.config.k8s.io/v1beta1";
    Object apiVersion = k.get("apiVersion");
    if (apiVersion != null
        && !String.valueOf(apiVersion).isEmpty()
        && (kind.equals("Kustomization") || kind.equals("Component"))
        && !required.equals(String.valueOf(apiVersion))) {
      throw new RenderException(
          where + ": apiVersion for " + kind + " should be " + required + ", not " + apiVersion);
    }
    if (component && !kind.equals("Component")) {
      throw new RenderException(where + ": a component must have kind Component, not " + kind);
    }
    // kustomize checks the kind where a kustomization is reached from another (accumulateDirectory:
    // a component must be listed under components:, a kustomization elsewhere); the directory a
    // build starts at may hold either, a Component builds as a Kustomization would
    if (!component && !kind.equals("Kustomization") && !(top && kind.equals("Component"))) {
      throw new RenderException(
          where
              + ": expected kind Kustomization, not "
              + kind
              + " (components belong under components:)");
    }
  }

  private List<Res> resource(Loader loader, String ref) {
    Path path = loader.resolve(ref, "resources");
    if (Files.isDirectory(path)) {
      return child(ref, path).build(path, false, new ArrayList<>()).resources();
    }
    loader.file(ref, "resources");
    List<Res> parsed = ResourceFile.parse(loader.read(ref, "resources"), path.toString());
    if (origins != null) {
      origins.fromFile(parsed, ref);
    }
    return parsed;
  }

  /**
   * The {@code openapi} field: kustomize v5.5 has one schema built in (v1.21.2, the embedded
   * engine's); naming it changes nothing, naming another fails as in kustomize, and a custom schema
   * file ({@code path}) is left to kustomize.
   */
  /**
   * {@code openapi}: kustomize's SetSchema, called as each kustomization is entered. A {@code path}
   * is read first (a missing file fails even where it is ignored); then, once a kustomization of
   * the build has chosen a schema (a custom one, or a built-in version, the top one first), the
   * others' fields are ignored, errors included; an empty version chooses nothing.
   */
  private void customSchema(Loader loader, Map<String, Object> k, String where) {
    Map<String, Object> openapi = Tree.mapField(k, "openapi", where);
    String text = null;
    String source = null;
    if (openapi.containsKey("path")) {
      String file = openapi.get("path") == null ? "" : String.valueOf(openapi.get("path"));
      source = loader.dir.resolve(file).toString();
      text = loader.read(file, "openapi");
    }
    if (config.schemaChosen) {
      return;
    }
    if (text != null) {
      if (openapi.containsKey("version")) {
        throw new RenderException(
            where + ": openapi: builtin version and custom schema provided, cannot use both");
      }
      Object doc = Values.single(text, source);
      if (!(doc instanceof Map<?, ?> m) || !(m.get("definitions") instanceof Map<?, ?> defs)) {
        throw new RenderException(source + ": openapi: no definitions in the schema file");
      }
      // kyaml parses a custom schema into the definitions it holds: after the built-in ones when a
      // strategic merge patch has used them, before them when their parse was delayed
      Schema custom = Schema.custom(Tree.map(defs), source);
      config.schema =
          config.builtinUsed
              ? Schema.layered(Schema.get(), custom)
              : config.unknownKindRead ? Schema.layered(custom, Schema.get()) : custom;
      config.schemaChosen = true;
      return;
    }
    Object version = openapi.get("version");
    if (version == null || "".equals(version)) {
      return;
    }
    if (!"v1.21.2".equals(version)) {
      throw new RenderException(
          where
              + ": openapi: version "
              + version
              + ": the specified OpenAPI version is not built in");
    }
    config.schemaChosen = true;
  }

  /**
   * Notes an object of a kind the built-in schema lacks, read while no schema is chosen or used
   * (see {@link Config#unknownKindRead}).
   */
  private void noteKinds(List<Res> added) {
    if (config.schemaChosen || config.builtinUsed) {
      return;
    }
    for (Res r : added) {
      if (Schema.get().definition(r.apiVersion(), r.kind()) == null) {
        config.unknownKindRead = true;
      }
    }
  }

  static void addAll(List<Res> resources, List<Res> added, String where) {
    Set<String> ids = new java.util.HashSet<>();
    for (Res existing : resources) {
      ids.add(existing.id());
    }
    for (Res r : added) {
      if (!ids.add(r.id())) {
        throw new RenderException(
            where + ": may not add resource with an already registered id: " + r.describe());
      }
      resources.add(r);
    }
  }
}
