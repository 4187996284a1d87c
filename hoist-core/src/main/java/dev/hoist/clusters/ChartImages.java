package dev.hoist.clusters;

import dev.hoist.config.ChartConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.yaml.SafeYaml;
import dev.hoist.yaml.YamlNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images a HelmRelease of the project's own chart runs, written into its {@code values} at the
 * paths of {@code charts[].images} (the chart's files are never modified). A tagged release writes
 * the images it published; otherwise ({@code hoist flux generate}, a snapshot) the values the
 * generated file already holds stay, so generating again after a release changes nothing.
 */
final class ChartImages {
  private ChartImages() {}

  /**
   * {@code release} (the HelmRelease fields of hoist.yaml) with the image values of chart {@code
   * project} set from {@code released}, else from {@code existing} (the file generated before).
   */
  static Map<String, Object> values(
      ProjectConfig config,
      String project,
      Map<String, Object> release,
      Map<String, ChartImage> released,
      Path existing) {
    ChartConfig chart =
        config.charts().stream().filter(c -> c.name().equals(project)).findFirst().orElseThrow();
    Map<String, Object> spec = released.isEmpty() ? previousSpec(existing) : Map.of();
    Map<String, Object> out = new LinkedHashMap<>(release);
    @SuppressWarnings("unchecked")
    Map<String, Object> values =
        copy(release.get("values") instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.of());
    boolean set = false;
    for (Map.Entry<String, ChartConfig.ImageValues> e : chart.images().entrySet()) {
      ChartImage image = released.get(e.getKey());
      Object repository = image != null ? image.repository() : at(spec, e.getValue().repository());
      Object tag = image != null ? image.tag() : at(spec, e.getValue().tag());
      if (repository != null && tag != null) {
        put(values, e.getValue().repository(), repository);
        put(values, e.getValue().tag(), tag);
        set = true;
      }
    }
    if (set) {
      out.put("values", values);
    }
    return out;
  }

  /** The {@code spec.values} of the HelmRelease in {@code file}, or an empty map. */
  private static Map<String, Object> previousSpec(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      for (YamlNode doc : SafeYaml.parseAll(Files.readString(file), file.toString())) {
        Object tree = plain(doc);
        if (tree instanceof Map<?, ?> m
            && "HelmRelease".equals(m.get("kind"))
            && m.get("spec") instanceof Map<?, ?> spec
            && spec.get("values") instanceof Map<?, ?> values) {
          @SuppressWarnings("unchecked")
          Map<String, Object> typed = (Map<String, Object>) values;
          return typed;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      return Map.of(); // a file hoist did not write: generated anew
    }
    return Map.of();
  }

  private static Object plain(YamlNode node) {
    if (node instanceof YamlNode.Mapping m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.entries().forEach((k, v) -> out.put(k, plain(v)));
      return out;
    }
    if (node instanceof YamlNode.Sequence s) {
      return s.items().stream().map(ChartImages::plain).toList();
    }
    YamlNode.Scalar scalar = (YamlNode.Scalar) node;
    return scalar.isNull() ? null : scalar.text();
  }

  private static Object at(Map<String, Object> tree, String path) {
    Object node = tree;
    for (String key : List.of(path.split("\\.", -1))) {
      if (!(node instanceof Map<?, ?> m)) {
        return null;
      }
      node = m.get(key);
    }
    return node instanceof String ? node : null;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> tree, String path, Object value) {
    String[] keys = path.split("\\.", -1);
    Map<String, Object> node = tree;
    for (int i = 0; i < keys.length - 1; i++) {
      Object next = node.get(keys[i]);
      Map<String, Object> child =
          next instanceof Map<?, ?> m ? copy((Map<String, Object>) m) : new LinkedHashMap<>();
      node.put(keys[i], child);
      node = child;
    }
    node.put(keys[keys.length - 1], value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? copy((Map<String, Object>) m) : v));
    return out;
  }
}
