package dev.hoist.preview;

import dev.hoist.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a preview applied, kept in the cluster as the ConfigMap {@code hoist-preview-inventory} in
 * {@code kube-public}, one object per line ({@code apiVersion kind namespace name}, {@code -} for
 * no namespace), so that the next preview deletes what is gone from the overlay (prune).
 */
public final class Inventory {
  public static final String NAME = "hoist-preview-inventory";
  public static final String NAMESPACE = "kube-public";

  private Inventory() {}

  /** One applied object. */
  public record Entry(String apiVersion, String kind, String namespace, String name) {
    static Entry of(YamlNode doc) {
      return new Entry(
          text(doc, "apiVersion"),
          text(doc, "kind"),
          text(child(doc, "metadata"), "namespace"),
          text(child(doc, "metadata"), "name"));
    }

    String line() {
      return apiVersion + " " + kind + " " + (namespace == null ? "-" : namespace) + " " + name;
    }

    static Entry parse(String line) {
      String[] f = line.strip().split(" ", -1);
      if (f.length != 4) {
        throw new IllegalArgumentException("inventory line not understood: " + line);
      }
      return new Entry(f[0], f[1], f[2].equals("-") ? null : f[2], f[3]);
    }
  }

  /** The ConfigMap holding {@code objects}. */
  public static String configMap(List<Entry> objects) {
    StringBuilder data = new StringBuilder();
    for (Entry e : objects) {
      data.append("    ").append(e.line()).append('\n');
    }
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %s
          namespace: %s
          labels:
            %s: %s
        data:
          objects: |
        %s"""
        .formatted(NAME, NAMESPACE, PreviewOverlay.MANAGED_BY, PreviewOverlay.MANAGER, data);
  }

  /** The objects of an inventory's {@code objects} text. */
  public static List<Entry> parse(String objects) {
    return objects.lines().filter(l -> !l.isBlank()).map(Entry::parse).toList();
  }

  /** What an earlier preview applied that the overlay no longer has, in reverse order. */
  public static List<Entry> prune(List<Entry> before, List<Entry> now) {
    Set<Entry> keep = new LinkedHashSet<>(now);
    List<Entry> gone = new ArrayList<>();
    for (Entry e : before) {
      if (!keep.contains(e)) {
        gone.add(0, e);
      }
    }
    return gone;
  }

  private static YamlNode child(YamlNode node, String key) {
    return node instanceof YamlNode.Mapping m ? m.entries().get(key) : null;
  }

  private static String text(YamlNode node, String key) {
    YamlNode value = child(node, key);
    return value instanceof YamlNode.Scalar s && !s.isNull() ? s.text() : null;
  }
}
