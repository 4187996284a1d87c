package dev.hoist.config;

import dev.hoist.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an app's {@code layers:} list; every error names the field ({@code apps[0].layers[1].to}).
 */
final class LayerReader {
  private LayerReader() {}

  static List<LayerConfig> read(Fields app) {
    List<YamlNode> items = app.list("layers");
    List<LayerConfig> layers = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Fields f =
          new Fields(app.file(), app.path("layers") + "[" + i + "]", items.get(i), app.lines());
      layers.add(layer(f, i));
    }
    return layers;
  }

  private static LayerConfig layer(Fields f, int index) {
    String name = f.string("name", "layer-" + index);
    List<String> from =
        f.node("from") instanceof YamlNode.Sequence
            ? f.strings("from")
            : f.string("from", null) == null ? List.of() : List.of(f.string("from", null));
    if (from.isEmpty()) {
      throw f.error("from", "required (a path or a list of paths)");
    }
    for (String path : from) {
      if (Path.of(path).isAbsolute() || Path.of(path).normalize().startsWith("..")) {
        throw f.error("from", "'" + path + "' must be relative to the project and stay inside it");
      }
    }
    String to = f.required("to");
    if (!to.startsWith("/")) {
      throw f.error("to", "'" + to + "' is not an absolute path in the image");
    }
    String mode = f.string("mode", null);
    if (mode != null && !mode.matches("0?[0-7]{3}")) {
      throw f.error("mode", "'" + mode + "' is not an octal file mode like 0644 or 0755");
    }
    String owner = f.string("owner", null);
    if (owner != null && !owner.matches("[0-9]+(:[0-9]+)?")) {
      throw f.error("owner", "'" + owner + "' is not uid or uid:gid (numbers)");
    }
    List<String> exclude = f.strings("exclude");
    f.finish();
    return new LayerConfig(name, from.stream().map(Path::of).toList(), to, mode, owner, exclude);
  }

  /** The app's extra labels ({@code labels:}), in file order. */
  static Map<String, String> labels(Fields app) {
    return app.stringMap("labels");
  }
}
