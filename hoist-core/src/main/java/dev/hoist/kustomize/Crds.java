package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code crds:} field: files of OpenAPI definitions (see {@link OpenApiFile}) from which
 * kustomize v5.5.0 derives field specs for custom kinds. A definition whose properties include
 * kind, apiVersion and metadata is a kind (named by the text after the definition name's last '.');
 * its properties, followed through {@code $ref}s to other definitions of the file, may carry
 *
 * <ul>
 *   <li>{@code x-kubernetes-object-ref-kind} with {@code x-kubernetes-object-ref-api-version}: a
 *       name reference at {@code <property>/<x-kubernetes-object-ref-name-key, default name>} to
 *       that kind and version;
 *   <li>{@code x-kubernetes-annotation}: commonAnnotations are added there;
 *   <li>{@code x-kubernetes-label-selector}: commonLabels (and labels with includeSelectors) are
 *       added there;
 *   <li>{@code x-kubernetes-identity}: namePrefix (not nameSuffix) is prepended there.
 * </ul>
 *
 * Extension values count only when they are strings; the derived specs never create fields.
 */
final class Crds {
  private static final String ANNOTATION = "x-kubernetes-annotation";
  private static final String LABEL_SELECTOR = "x-kubernetes-label-selector";
  private static final String IDENTITY = "x-kubernetes-identity";
  private static final String REF_VERSION = "x-kubernetes-object-ref-api-version";
  private static final String REF_KIND = "x-kubernetes-object-ref-kind";
  private static final String REF_NAME_KEY = "x-kubernetes-object-ref-name-key";

  private final Map<String, Map<String, Object>> definitions;
  private final Config config;
  private final String source;

  private Crds(Map<String, Map<String, Object>> definitions, Config config, String source) {
    this.definitions = definitions;
    this.config = config;
    this.source = source;
  }

  /** Reads the {@code crds:} files of one kustomization into {@code config}. */
  static void load(Loader loader, Map<String, Object> k, String where, Config config) {
    for (Object o : Tree.listField(k, "crds", where)) {
      if (!(o instanceof String file)) {
        throw new RenderException(
            where + ": crds entries must be file paths, not " + Tree.describe(o));
      }
      String source = where + ": crds: " + file;
      byte[] content = loader.bytes(file, "crds");
      derive(OpenApiFile.read(content, source), config, source);
    }
  }

  /** Adds the field specs the definitions imply to {@code config}. */
  static void derive(Map<String, Map<String, Object>> definitions, Config config, String source) {
    Crds crds = new Crds(definitions, config, source);
    for (Map.Entry<String, Map<String, Object>> d : definitions.entrySet()) {
      Map<String, Object> props = properties(d.getValue());
      if (props.containsKey("kind")
          && props.containsKey("apiVersion")
          && props.containsKey("metadata")) {
        String name = d.getKey();
        crds.walk(
            name.substring(name.lastIndexOf('.') + 1), name, new ArrayList<>(), new HashSet<>());
      }
    }
  }

  private void walk(String kind, String definition, List<String> path, Set<String> visiting) {
    Map<String, Object> schema = definitions.get(definition);
    if (schema == null) {
      return;
    }
    if (!visiting.add(definition)) {
      // kustomize recurses without end here (and crashes)
      throw new RenderException(
          source + ": definition " + definition + " refers to itself through $ref");
    }
    for (Map.Entry<String, Object> p : properties(schema).entrySet()) {
      Map<String, Object> prop = p.getValue() instanceof Map<?, ?> m ? Tree.map(m) : Map.of();
      String at = join(path, p.getKey());
      if (prop.get(ANNOTATION) instanceof String) {
        add(config.annotations, FieldSpec.of(kind, at, false));
      }
      if (prop.get(LABEL_SELECTOR) instanceof String) {
        add(config.selectors, FieldSpec.of(kind, at, false));
      }
      if (prop.get(IDENTITY) instanceof String) {
        add(config.prefix, FieldSpec.of(kind, at, false));
      }
      if (prop.get(REF_VERSION) instanceof String version
          && prop.get(REF_KIND) instanceof String target) {
        String key = prop.get(REF_NAME_KEY) instanceof String s ? s : "name";
        FieldSpec fs = FieldSpec.of(kind, at + "/" + key, false);
        add(
            config.nameReferences,
            new NameRefs.Ref(target, version, fs, fs.path().endsWith("roleRef/name")));
      }
      if (prop.get("$ref") instanceof String ref) {
        if (!GoUrl.roundTrips(ref) && !ref.isEmpty()) {
          throw RenderException.unsupported(
              source
                  + ": $ref "
                  + ref
                  + " of "
                  + definition
                  + "."
                  + p.getKey()
                  + " is not supported by the embedded engine (plain path characters only); use --engine kustomize");
        }
        List<String> deeper = new ArrayList<>(path);
        deeper.add(p.getKey());
        walk(kind, ref, deeper, visiting);
      }
    }
    visiting.remove(definition);
  }

  private static Map<String, Object> properties(Map<String, Object> schema) {
    return schema.get("properties") instanceof Map<?, ?> m ? Tree.map(m) : Map.of();
  }

  private static String join(List<String> path, String last) {
    return path.isEmpty() ? last : String.join("/", path) + "/" + last;
  }

  private static <T> void add(List<T> specs, T spec) {
    if (!specs.contains(spec)) {
      specs.add(spec);
    }
  }
}
