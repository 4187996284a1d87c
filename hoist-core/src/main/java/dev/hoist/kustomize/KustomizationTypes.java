package dev.hoist.kustomize;

import static dev.hoist.kustomize.GoJson.Leaf.BOOL;
import static dev.hoist.kustomize.GoJson.Leaf.INT;
import static dev.hoist.kustomize.GoJson.Leaf.MAP_BOOL;
import static dev.hoist.kustomize.GoJson.Leaf.MAP_STRING;
import static dev.hoist.kustomize.GoJson.Leaf.OPAQUE;
import static dev.hoist.kustomize.GoJson.Leaf.STRING;

import dev.hoist.kustomize.GoJson.Slice;
import dev.hoist.kustomize.GoJson.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kustomize v5.5.0's Kustomization and the structs in it (api/types/*.go and kyaml/resid: their
 * JSON names; inline structs such as resid.Gvk, ResId and KvPairSources flattened), decoded with
 * {@link GoJson}. helmCharts, helmGlobals and helmChartInflationGenerator are not decoded here: the
 * embedded engine refuses them.
 */
final class KustomizationTypes {
  private KustomizationTypes() {}

  static final Slice STRINGS = new Slice(STRING);

  private static final Object[] GVK = {"group", STRING, "version", STRING, "kind", STRING};

  /** A kustomization's or plugin config's metadata. */
  static final Struct OBJECT_META =
      Struct.of(
          "ObjectMeta",
          true,
          "name",
          STRING,
          "namespace",
          STRING,
          "labels",
          MAP_STRING,
          "annotations",
          MAP_STRING);

  static final Struct SELECTOR =
      Struct.of(
          "Selector",
          true,
          concat(
              GVK,
              "name",
              STRING,
              "namespace",
              STRING,
              "annotationSelector",
              STRING,
              "labelSelector",
              STRING));

  static final Struct FIELD_SPEC =
      Struct.of("FieldSpec", false, concat(GVK, "path", STRING, "create", BOOL));

  static final Struct GENERATOR_OPTIONS =
      Struct.of(
          "GeneratorOptions",
          true,
          "labels",
          MAP_STRING,
          "annotations",
          MAP_STRING,
          "disableNameSuffixHash",
          BOOL,
          "immutable",
          BOOL);

  static final Object[] GENERATOR_ARGS = {
    "namespace", STRING,
    "name", STRING,
    "behavior", STRING,
    "literals", STRINGS,
    "files", STRINGS,
    "envs", STRINGS,
    "env", STRING,
    "options", GENERATOR_OPTIONS
  };

  static final Struct PATCH =
      Struct.of(
          "Patch", false, "path", STRING, "patch", STRING, "target", SELECTOR, "options", MAP_BOOL);

  static final Struct IMAGE =
      Struct.of(
          "Image",
          false,
          "name",
          STRING,
          "newName",
          STRING,
          "tagSuffix",
          STRING,
          "newTag",
          STRING,
          "digest",
          STRING);

  static final Struct FIELD_OPTIONS =
      Struct.of(
          "FieldOptions",
          true,
          "delimiter",
          STRING,
          "index",
          INT,
          "encoding",
          STRING,
          "create",
          BOOL);

  private static final Object[] REPLACEMENT = {
    "source",
    Struct.of(
        "SourceSelector",
        true,
        concat(
            GVK,
            "name",
            STRING,
            "namespace",
            STRING,
            "fieldPath",
            STRING,
            "options",
            FIELD_OPTIONS)),
    "targets",
    new Slice(
        Struct.of(
            "TargetSelector",
            true,
            "select",
            SELECTOR,
            "reject",
            new Slice(SELECTOR),
            "fieldPaths",
            STRINGS,
            "options",
            FIELD_OPTIONS))
  };

  /** A replacements entry: a replacement, or the {@code path} of a file of them. */
  static final Struct REPLACEMENT_FIELD =
      Struct.of("ReplacementField", false, concat(REPLACEMENT, "path", STRING));

  static final Struct REPLICA = Struct.of("Replica", false, "name", STRING, "count", INT);

  /** One replacement of a replacements file (read as sigs.k8s.io/yaml reads it: lenient). */
  static final Struct REPLACEMENT_ONLY = Struct.of("Replacement", false, REPLACEMENT);

  static final Struct KUSTOMIZATION =
      Struct.of(
          "Kustomization",
          false,
          "kind",
          STRING,
          "apiVersion",
          STRING,
          "metadata",
          OBJECT_META,
          "openapi",
          MAP_STRING,
          "namePrefix",
          STRING,
          "nameSuffix",
          STRING,
          "namespace",
          STRING,
          "commonLabels",
          MAP_STRING,
          "labels",
          new Slice(
              Struct.of(
                  "Label",
                  false,
                  "pairs",
                  MAP_STRING,
                  "includeSelectors",
                  BOOL,
                  "includeTemplates",
                  BOOL,
                  "fields",
                  new Slice(FIELD_SPEC))),
          "commonAnnotations",
          MAP_STRING,
          "patchesStrategicMerge",
          STRINGS,
          "patchesJson6902",
          new Slice(PATCH),
          "patches",
          new Slice(PATCH),
          "images",
          new Slice(IMAGE),
          "imageTags",
          new Slice(IMAGE),
          "replacements",
          new Slice(REPLACEMENT_FIELD),
          "replicas",
          new Slice(REPLICA),
          "vars",
          new Slice(
              Struct.of(
                  "Var",
                  false,
                  "name",
                  STRING,
                  "objref",
                  Struct.of(
                      "Target",
                      false,
                      concat(
                          new Object[] {"apiVersion", STRING},
                          concat(GVK, "name", STRING, "namespace", STRING))),
                  "fieldref",
                  Struct.of("FieldSelector", false, "fieldPath", STRING))),
          "sortOptions",
          Struct.of(
              "SortOptions",
              true,
              "order",
              STRING,
              "legacySortOptions",
              Struct.of("LegacySortOptions", true, "orderFirst", STRINGS, "orderLast", STRINGS)),
          "resources",
          STRINGS,
          "components",
          STRINGS,
          "crds",
          STRINGS,
          "bases",
          STRINGS,
          "configMapGenerator",
          new Slice(Struct.of("ConfigMapArgs", false, GENERATOR_ARGS)),
          "secretGenerator",
          new Slice(Struct.of("SecretArgs", false, concat(GENERATOR_ARGS, "type", STRING))),
          "helmGlobals",
          OPAQUE,
          "helmCharts",
          OPAQUE,
          "helmChartInflationGenerator",
          OPAQUE,
          "generatorOptions",
          GENERATOR_OPTIONS,
          "configurations",
          STRINGS,
          "generators",
          STRINGS,
          "transformers",
          STRINGS,
          "validators",
          STRINGS,
          "buildMetadata",
          STRINGS);

  /**
   * The kustomization in {@code where} decoded as kustomize decodes it: strictly, then with
   * kustomize's FixKustomization step that appends the deprecated {@code imageTags} to {@code
   * images}.
   */
  static Map<String, Object> kustomization(Map<String, Object> k, String where) {
    Map<String, Object> out = Tree.map(new GoJson(where, true).decode(k, KUSTOMIZATION, null, ""));
    List<Object> tags = Tree.listField(out, "imageTags", where);
    if (!tags.isEmpty()) {
      List<Object> images = new ArrayList<>(Tree.listField(out, "images", where));
      images.addAll(tags);
      out.put("images", images);
    }
    out.remove("imageTags");
    return out;
  }

  /** One document of a replacements file, a replacement or a list of them, decoded leniently. */
  static Object replacements(Object doc, String where) {
    GoJson lenient = new GoJson(where, false);
    return lenient.decode(
        doc, doc instanceof List<?> ? new Slice(REPLACEMENT_ONLY) : REPLACEMENT_ONLY, null, "");
  }

  static Object[] concat(Object[] head, Object... tail) {
    Object[] out = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, out, head.length, tail.length);
    return out;
  }
}
