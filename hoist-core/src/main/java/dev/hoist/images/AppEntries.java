package dev.hoist.images;

import dev.hoist.yaml.SafeYaml;
import dev.hoist.yaml.YamlNode;
import java.util.Map;

/** An app's entry in a hoist.yaml text, in a form that is equal exactly when the entry is. */
final class AppEntries {
  private AppEntries() {}

  /** The entry of {@code app} under {@code apps:}, or null when the text has none (or no YAML). */
  static String canonical(String hoistYaml, String app) {
    try {
      if (!(SafeYaml.parse(hoistYaml, "hoist.yaml") instanceof YamlNode.Mapping root)
          || !(root.entries().get("apps") instanceof YamlNode.Sequence apps)) {
        return null;
      }
      for (YamlNode item : apps.items()) {
        if (item instanceof YamlNode.Mapping m
            && m.entries().get("name") instanceof YamlNode.Scalar name
            && name.text().equals(app)) {
          return write(m);
        }
      }
      return null;
    } catch (RuntimeException e) {
      return null; // an old hoist.yaml that does not parse: its entry counts as different
    }
  }

  private static String write(YamlNode node) {
    StringBuilder out = new StringBuilder();
    if (node instanceof YamlNode.Mapping m) {
      out.append('{');
      for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
        out.append(e.getKey()).append(':').append(write(e.getValue())).append(',');
      }
      out.append('}');
    } else if (node instanceof YamlNode.Sequence s) {
      out.append('[');
      s.items().forEach(i -> out.append(write(i)).append(','));
      out.append(']');
    } else if (node instanceof YamlNode.Scalar sc) {
      out.append('"').append(sc.text().replace("\"", "\\\"")).append('"');
    }
    return out.toString();
  }
}
