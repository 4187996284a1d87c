package dev.hoist.kustomize;

import dev.hoist.yaml.GoYamlWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The embedded kustomize engine: renders a kustomization directory to the YAML stream {@code
 * kustomize build} (v5.5) prints. Throws {@link RenderException} with one line naming the file and
 * field for anything it cannot render, including features outside its scope (which suggest {@code
 * --engine kustomize}).
 */
public final class Renderer {
  private Renderer() {}

  /** Renders {@code dir} (a directory holding a kustomization) with the given load restrictor. */
  public static String render(Path dir, LoadRestrictor restrictor) {
    return renderObjects(dir, restrictor).yaml();
  }

  /**
   * Renders {@code dir} into the printed YAML stream and the objects it holds, as that stream reads
   * back (typed values, kustomize's field set); every mapping of an object is {@link
   * dev.hoist.yaml.Located}: it knows the file and line that produced it (a patch's, for a field a
   * patch wrote; a kustomization's images or replicas entry, for a field they set).
   */
  public static Rendered renderObjects(Path dir, LoadRestrictor restrictor) {
    Builder builder = new Builder(restrictor, 0);
    Builder.Level top = builder.build(dir, false, new ArrayList<>());
    List<Res> resources = top.resources();
    Hashes.addSuffixes(resources);
    NameRefs.fix(resources, builder.config.nameReferences);
    Vars.resolve(resources, builder.vars, builder.config.varReferences);
    dropLocalConfigs(resources);
    BuildMetadata.apply(top.kustomization(), resources, dir.toString());
    sort(resources, top.kustomization());
    StringBuilder out = new StringBuilder();
    List<Map<String, Object>> objects = new ArrayList<>(resources.size());
    for (Res r : resources) {
      if (out.length() > 0) {
        out.append("---\n");
      }
      Map<String, Object> printed = Tree.map(Output.normalize(r.obj));
      objects.add(printed);
      out.append(GoYamlWriter.marshal(printed, GoYamlWriter.GO_YAML_LINE_WIDTH));
    }
    return new Rendered(objects, out.toString());
  }

  /**
   * kustomize's IgnoreLocal, once the whole build is done (a local config can still be a
   * replacement's or a var's source): objects annotated {@code config.kubernetes.io/local-config}
   * with any value but {@code "false"} are not printed.
   */
  private static void dropLocalConfigs(List<Res> resources) {
    resources.removeIf(
        r ->
            r.metadata().get("annotations") instanceof Map<?, ?> a
                && a.containsKey(LOCAL_CONFIG)
                && !"false".equals(Annotations.text(a.get(LOCAL_CONFIG))));
  }

  private static final String LOCAL_CONFIG = "config.kubernetes.io/local-config";

  private static void sort(List<Res> resources, Map<String, Object> k) {
    String where = "sortOptions";
    Map<String, Object> options = Tree.mapField(k, "sortOptions", where);
    String order = Tree.string(options, "order", where);
    if (k.get("sortOptions") != null && !"fifo".equals(order) && !"legacy".equals(order)) {
      // kustomize: "the field 'sortOptions.order' must be one of [fifo, legacy]", also when
      // sortOptions gives none
      throw new RenderException("sortOptions.order must be legacy or fifo, not " + order);
    }
    if ("fifo".equals(order)) {
      if (options.containsKey("legacySortOptions")) {
        // kustomize: "the field 'sortOptions.legacySortOptions' is set but the selected sort
        // order is 'fifo', not 'legacy'"
        throw new RenderException(
            "sortOptions.legacySortOptions is set but the sort order is fifo, not legacy");
      }
      return;
    }
    if (order != null && !order.equals("legacy")) {
      throw new RenderException("sortOptions.order must be legacy or fifo, not " + order);
    }
    List<String> first = LegacyOrder.FIRST;
    List<String> last = LegacyOrder.LAST;
    Map<String, Object> legacy = Tree.mapField(options, "legacySortOptions", where);
    if (!legacy.isEmpty()) {
      first = strings(Tree.listField(legacy, "orderFirst", where));
      last = strings(Tree.listField(legacy, "orderLast", where));
    }
    resources.sort(LegacyOrder.comparator(first, last));
  }

  private static List<String> strings(List<Object> values) {
    return values.stream().map(String::valueOf).toList();
  }
}
