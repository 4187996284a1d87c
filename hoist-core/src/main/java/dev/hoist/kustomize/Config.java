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
  final List<FieldSpec> annotations = new ArrayList<>(BuiltinSpecs.ANNOTATIONS);
  final List<FieldSpec> images = new ArrayList<>(BuiltinSpecs.IMAGES);
  final List<FieldSpec> replicas = new ArrayList<>(BuiltinSpecs.REPLICAS);
  final List<FieldSpec> namespace = new ArrayList<>(BuiltinSpecs.NAMESPACE_EXTRA);

  /** namePrefix fields besides metadata/name (from crds' x-kubernetes-identity). */
  final List<FieldSpec> prefix = new ArrayList<>();

  final List<FieldSpec> varReferences = new ArrayList<>(Vars.REFERENCES);
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
    return c;
  }

  @SuppressWarnings("unchecked")
  private List<FieldSpec>[][] pairs(Config c) {
    return new List[][] {
      {c.selectors, selectors},
      {c.templateLabels, templateLabels},
      {c.annotations, annotations},
      {c.images, images},
      {c.replicas, replicas},
      {c.namespace, namespace},
      {c.prefix, prefix},
      {c.varReferences, varReferences}
    };
  }

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
        switch (e.getKey()) {
          case "commonLabels" -> selectors.addAll(FieldSpec.parse(specs, at));
          case "commonAnnotations" -> annotations.addAll(FieldSpec.parse(specs, at));
          case "images" -> images.addAll(FieldSpec.parse(specs, at));
          case "replicas" -> replicas.addAll(FieldSpec.parse(specs, at));
          case "namespace" -> namespace.addAll(FieldSpec.parse(specs, at));
          case "varReference" -> varReferences.addAll(FieldSpec.parse(specs, at));
          case "nameReference" -> nameReferences(specs, at);
          default ->
              throw RenderException.unsupported(
                  at
                      + ": configurations "
                      + e.getKey()
                      + " is not supported by the embedded engine; use --engine kustomize");
        }
      }
    }
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
