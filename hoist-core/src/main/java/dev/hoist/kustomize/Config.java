package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The field specs the transformers use: kustomize's built-in ones plus those of {@code
 * configurations:} files (for custom resources). Like kustomize, a level's configurations apply to
 * its own transformers and those of the levels above it (here they are shared by the whole build
 * from the point they are read, so a base read later also sees a sibling's configurations).
 */
final class Config {
  final List<FieldSpec> selectors = new ArrayList<>(BuiltinSpecs.SELECTORS);
  final List<FieldSpec> templateLabels = new ArrayList<>(BuiltinSpecs.TEMPLATE_LABELS);

  /** Where every {@code labels:} entry also puts its pairs (configurations' labels section). */
  final List<FieldSpec> labels = new ArrayList<>();

  final List<FieldSpec> annotations = new ArrayList<>(BuiltinSpecs.ANNOTATIONS);
  final List<FieldSpec> images = new ArrayList<>(BuiltinSpecs.IMAGES);
  final List<FieldSpec> replicas = new ArrayList<>(BuiltinSpecs.REPLICAS);
  final List<FieldSpec> namespace = new ArrayList<>(BuiltinSpecs.NAMESPACE_EXTRA);

  /**
   * namePrefix and nameSuffix fields besides metadata/name (from configurations, and crds'
   * x-kubernetes-identity for prefixes).
   */
  final List<FieldSpec> prefix = new ArrayList<>();

  final List<FieldSpec> suffix = new ArrayList<>();

  final List<FieldSpec> varReferences = new ArrayList<>(Vars.REFERENCES);

  /** The schema strategic merge patches follow: kustomize's built-in one, or openapi.path's. */
  Schema schema = Schema.get();

  /**
   * Whether a kustomization of the build has chosen the schema (a built-in version or a path):
   * kustomize's SetSchema sets it once, later kustomizations' openapi fields are ignored.
   */
  boolean schemaChosen;

  /**
   * Whether a strategic merge patch used the built-in schema before any was chosen: kyaml then
   * holds its definitions, and a custom schema chosen later is parsed over them (custom wins).
   */
  boolean builtinUsed;

  /**
   * Whether, before any schema was chosen or used, an object of a kind the built-in schema lacks
   * was read: kyaml's cluster-scope check of its kind delays the built-in schema's parse, which
   * then follows a custom schema chosen later (built-in wins).
   */
  boolean unknownKindRead;

  /** The schema of a strategic merge patch about to be applied (noting the use, as above). */
  Schema schemaForMerge() {
    if (!schemaChosen) {
      builtinUsed = true;
    }
    return schema;
  }

  final List<NameRefs.Ref> nameReferences = new ArrayList<>(NameRefs.REFS);

  /** A copy whose lists a plugin config may replace without touching this one. */
  Config copy() {
    Config c = new Config();
    for (List<FieldSpec>[] pair : pairs(c)) {
      pair[0].clear();
      pair[0].addAll(pair[1]);
    }
    c.nameReferences.clear();
    c.nameReferences.addAll(nameReferences);
    c.schema = schema;
    c.schemaChosen = schemaChosen;
    c.builtinUsed = builtinUsed;
    c.unknownKindRead = unknownKindRead;
    return c;
  }

  @SuppressWarnings("unchecked")
  private List<FieldSpec>[][] pairs(Config c) {
    return new List[][] {
      {c.selectors, selectors},
      {c.templateLabels, templateLabels},
      {c.labels, labels},
      {c.annotations, annotations},
      {c.images, images},
      {c.replicas, replicas},
      {c.namespace, namespace},
      {c.prefix, prefix},
      {c.suffix, suffix},
      {c.varReferences, varReferences}
    };
  }

  /** The sections of a configurations file, as kustomize v5.5's TransformerConfig names them. */
  private static final List<String> SECTIONS =
      List.of(
          "namePrefix",
          "nameSuffix",
          "namespace",
          "commonLabels",
          "labels",
          "templateLabels",
          "commonAnnotations",
          "nameReference",
          "varReference",
          "images",
          "replicas");

  /** Reads the {@code configurations:} files of one kustomization. */
  void load(Loader loader, Map<String, Object> k, String where) {
    for (Object o : Tree.listField(k, "configurations", where)) {
      String file = String.valueOf(o);
      Object doc =
          Values.single(loader.read(file, "configurations"), loader.dir.resolve(file).toString());
      if (!(doc instanceof Map<?, ?> m)) {
        throw new RenderException(where + ": configurations: " + file + " must be a mapping");
      }
      String at = loader.dir.resolve(file).toString();
      for (Map.Entry<String, Object> e : Tree.map(m).entrySet()) {
        List<Object> specs = Tree.listField(Tree.map(m), e.getKey(), at);
        // kustomize decodes the file with Go's encoding/json: names match case-insensitively and
        // an unknown section fails
        String section =
            SECTIONS.stream()
                .filter(name -> name.equalsIgnoreCase(e.getKey()))
                .findFirst()
                .orElseThrow(
                    () ->
                        new RenderException(
                            at
                                + ": configurations: unknown field \""
                                + e.getKey()
                                + "\" (sections: "
                                + String.join(", ", SECTIONS)
                                + ")"));
        switch (section) {
          case "commonLabels" -> selectors.addAll(FieldSpec.parse(specs, at));
          case "templateLabels" -> templateLabels.addAll(FieldSpec.parse(specs, at));
          case "labels" -> labels.addAll(FieldSpec.parse(specs, at));
          case "namePrefix" -> prefix.addAll(beyondName(FieldSpec.parse(specs, at)));
          case "nameSuffix" -> suffix.addAll(beyondName(FieldSpec.parse(specs, at)));
          case "commonAnnotations" -> annotations.addAll(FieldSpec.parse(specs, at));
          case "images" -> images.addAll(FieldSpec.parse(specs, at));
          case "replicas" -> replicas.addAll(FieldSpec.parse(specs, at));
          case "namespace" -> namespace.addAll(FieldSpec.parse(specs, at));
          case "varReference" -> varReferences.addAll(FieldSpec.parse(specs, at));
          default -> nameReferences(specs, at);
        }
      }
    }
  }

  /** Without the default metadata/name spec, which kustomize's merge keeps once. */
  private static List<FieldSpec> beyondName(List<FieldSpec> specs) {
    FieldSpec name = FieldSpec.of("metadata/name", false);
    return specs.stream()
        .filter(
            fs ->
                !(fs.path().equals(name.path())
                    && fs.group().isEmpty()
                    && fs.version().isEmpty()
                    && fs.kind().isEmpty()))
        .toList();
  }

  private void nameReferences(List<Object> entries, String at) {
    for (Object o : entries) {
      Map<String, Object> entry = Tree.map(o);
      String kind = Tree.string(entry, "kind", at);
      for (FieldSpec fs : FieldSpec.parse(Tree.listField(entry, "fieldSpecs", at), at)) {
        nameReferences.add(
            new NameRefs.Ref(
                kind,
                fs,
                fs.path().endsWith("roleRef/name") || fs.path().endsWith("subjects/name")));
      }
    }
  }
}
