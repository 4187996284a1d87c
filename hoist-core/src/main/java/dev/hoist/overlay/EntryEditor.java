package dev.hoist.overlay;

import static dev.hoist.overlay.KustomizationEditor.describe;
import static dev.hoist.overlay.KustomizationEditor.tuple;

import dev.hoist.overlay.KustomizationEditor.Wanted;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Edits one {@code images:} entry: sets newName and digest, drops newTag, touching only those
 * lines.
 */
final class EntryEditor {
  private final SourceText src;
  private final Wanted wanted;

  EntryEditor(SourceText src, Wanted wanted) {
    this.src = src;
    this.wanted = wanted;
  }

  /** The key/value texts to add to an entry that lacks them ({@code present}: the entry's keys). */
  static List<String[]> missing(Wanted w, java.util.Set<String> present) {
    List<String[]> pairs = new ArrayList<>();
    for (String field : Wanted.FIELDS) {
      if (w.value(field) != null && !present.contains(field)) {
        pairs.add(new String[] {field, ScalarText.format(w.value(field))});
      }
    }
    return pairs;
  }

  static java.util.Set<String> keys(MappingNode m) {
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k) {
        keys.add(KustomizationEditor.field(k.getValue()));
      }
    }
    return keys;
  }

  /** The entry's key/value texts after the edit (raw source for untouched ones). */
  List<String[]> pairs(MappingNode m, boolean match) {
    List<String[]> pairs = new ArrayList<>();
    for (NodeTuple t : m.getValue()) {
      String key =
          t.getKeyNode() instanceof ScalarNode k ? KustomizationEditor.field(k.getValue()) : "";
      String rawKey = src.slice(t.getKeyNode());
      String rawValue = src.slice(t.getValueNode());
      if (match && wanted.removes(key)) {
        continue;
      }
      if (match && wanted.value(key) != null) {
        rawValue = ScalarText.format(wanted.value(key), style(t.getValueNode()));
      }
      pairs.add(new String[] {rawKey, rawValue});
      if (match && key.equals("name")) {
        pairs.addAll(missing(wanted, keys(m)));
      }
    }
    return pairs;
  }

  private static ScalarStyle style(Node node) {
    return node instanceof ScalarNode s ? s.getScalarStyle() : ScalarStyle.PLAIN;
  }

  /** Edits one matching entry in place. */
  void edit(MappingNode m) {
    if (m.getFlowStyle() == FlowStyle.FLOW) {
      List<String> parts = new ArrayList<>();
      for (String[] p : pairs(m, true)) {
        parts.add(p[1].isEmpty() ? p[0] : p[0] + ": " + p[1]);
      }
      src.replace(src.start(m), src.end(m), "{" + String.join(", ", parts) + "}");
      return;
    }
    NodeTuple name = tuple(m, "name");
    NodeTuple anchor = name;
    for (String field : Wanted.FIELDS) {
      NodeTuple t = tuple(m, field);
      if (t == null) {
        continue;
      }
      if (wanted.removes(field)) {
        removeTuple(m, t);
        continue;
      }
      if (wanted.value(field) != null) {
        replaceValue(t, wanted.value(field));
      }
      if (src.start(t.getKeyNode()) > src.start(anchor.getKeyNode())) {
        anchor = t;
      }
    }
    String indent = " ".repeat(src.column(name.getKeyNode()));
    StringBuilder lines = new StringBuilder();
    for (String[] p : missing(wanted, keys(m))) {
      lines.append(indent).append(p[0]).append(": ").append(p[1]).append('\n');
    }
    if (lines.length() > 0) {
      src.insert(src.afterLine(lastEnd(anchor.getValueNode())), lines.toString());
    }
  }

  private void replaceValue(NodeTuple t, String value) {
    Node node = t.getValueNode();
    if (!(node instanceof ScalarNode s)) {
      throw new IllegalArgumentException(
          "images entry "
              + wanted.name()
              + ": "
              + ((ScalarNode) t.getKeyNode()).getValue()
              + " must be a scalar, found "
              + describe(node));
    }
    int start = src.start(s);
    int end = src.end(s);
    ScalarStyle style = s.getScalarStyle();
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      src.replace(start, end, ScalarText.format(value) + "\n");
    } else {
      src.replace(start, end, (start == end ? " " : "") + ScalarText.format(value, style));
    }
  }

  private void removeTuple(MappingNode m, NodeTuple t) {
    int index = m.getValue().indexOf(t);
    int keyStart = src.start(t.getKeyNode());
    if (index == 0) {
      src.replace(keyStart, src.start(m.getValue().get(1).getKeyNode()), "");
    } else {
      src.replace(src.lineStart(keyStart), src.afterLine(lastEnd(t.getValueNode())), "");
    }
  }

  /** The end offset of the last scalar or flow collection inside {@code node}. */
  int lastEnd(Node node) {
    if (node instanceof MappingNode m
        && m.getFlowStyle() == FlowStyle.BLOCK
        && !m.getValue().isEmpty()) {
      return lastEnd(m.getValue().get(m.getValue().size() - 1).getValueNode());
    }
    if (node instanceof SequenceNode s
        && s.getFlowStyle() == FlowStyle.BLOCK
        && !s.getValue().isEmpty()) {
      return lastEnd(s.getValue().get(s.getValue().size() - 1));
    }
    return src.end(node);
  }
}
