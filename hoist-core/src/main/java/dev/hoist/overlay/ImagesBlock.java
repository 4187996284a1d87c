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
 * The edits to one kustomization's {@code images:} value, recorded as splices on its source text.
 */
final class ImagesBlock {
  private final SourceText src;
  private final Wanted wanted;
  private final EntryEditor entries;
  private MappingNode doc;

  ImagesBlock(SourceText src, Wanted wanted) {
    this.src = src;
    this.wanted = wanted;
    this.entries = new EntryEditor(src, wanted);
  }

  /**
   * A block entry at the given indentation: the key/value texts {@code pairs}, or when that is null
   * a new entry {@code - name: …} with {@code newName} and {@code digest}.
   */
  static String entry(Wanted w, String dashIndent, String keyOffset, List<String[]> pairs) {
    List<String[]> all = pairs == null ? newPairs(w) : pairs;
    if (all.isEmpty()) {
      return dashIndent + "- {}\n";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < all.size(); i++) {
      int width = Math.max(2, keyOffset.length());
      sb.append(dashIndent).append(i == 0 ? "-" + " ".repeat(width - 1) : " ".repeat(width));
      sb.append(all.get(i)[0]).append(':');
      if (!all.get(i)[1].isEmpty()) {
        sb.append(' ').append(all.get(i)[1]);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static List<String[]> newPairs(Wanted w) {
    List<String[]> pairs = new ArrayList<>();
    pairs.add(new String[] {"name", ScalarText.format(w.name())});
    pairs.addAll(EntryEditor.missing(w, java.util.Set.of()));
    return pairs;
  }

  void appendImagesKey(MappingNode root) {
    this.doc = root;
    String indent = " ".repeat(src.column(root.getValue().get(0).getKeyNode()));
    src.insert(
        src.text.length(),
        indent + "images:\n" + entry(wanted, indent + sequenceOffset(), "  ", null));
  }

  /** How far this file indents block sequences under their key ("" for kustomize's own style). */
  private String sequenceOffset() {
    for (NodeTuple t : doc.getValue()) {
      if (t.getValueNode() instanceof SequenceNode s
          && s.getFlowStyle() == FlowStyle.BLOCK
          && !s.getValue().isEmpty()) {
        int offset = src.column(s) - src.column(t.getKeyNode());
        if (offset >= 0) {
          return " ".repeat(offset);
        }
      }
    }
    return "";
  }

  void edit(MappingNode root, NodeTuple images) {
    this.doc = root;
    Node value = images.getValueNode();
    if (value instanceof ScalarNode s) {
      if (s.getScalarStyle() == ScalarStyle.PLAIN
          && List.of("", "~", "null", "Null", "NULL").contains(s.getValue())) {
        replaceWithBlock(images, entry(wanted, blockIndent(images), "  ", null));
        return;
      }
      throw new IllegalArgumentException(
          "images in kustomization must be a list, found " + describe(value));
    }
    if (!(value instanceof SequenceNode seq)) {
      throw new IllegalArgumentException(
          "images in kustomization must be a list, found " + describe(value));
    }
    List<MappingNode> items = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      if (!(seq.getValue().get(i) instanceof MappingNode m)) {
        throw new IllegalArgumentException(
            "images["
                + i
                + "] in kustomization must be a mapping, found "
                + describe(seq.getValue().get(i)));
      }
      items.add(m);
    }
    if (seq.getFlowStyle() == FlowStyle.FLOW) {
      StringBuilder block = new StringBuilder();
      boolean found = false;
      for (MappingNode m : items) {
        boolean match = matches(m);
        found |= match;
        block.append(entry(wanted, blockIndent(images), "  ", entries.pairs(m, match)));
      }
      if (!found) {
        block.append(entry(wanted, blockIndent(images), "  ", null));
      }
      replaceWithBlock(images, block.toString());
      return;
    }
    boolean found = false;
    for (MappingNode m : items) {
      if (matches(m)) {
        found = true;
        entries.edit(m);
      }
    }
    if (!found) {
      int dashColumn = src.column(seq);
      String keyOffset = "  ";
      for (MappingNode m : items) {
        if (m.getFlowStyle() == FlowStyle.BLOCK && src.column(m) > dashColumn) {
          keyOffset = " ".repeat(src.column(m) - dashColumn);
          break;
        }
      }
      int at = src.afterLine(entries.lastEnd(items.get(items.size() - 1)));
      src.insert(at, entry(wanted, " ".repeat(dashColumn), keyOffset, null));
    }
  }

  private String blockIndent(NodeTuple images) {
    return " ".repeat(src.column(images.getKeyNode())) + sequenceOffset();
  }

  private boolean matches(MappingNode m) {
    NodeTuple name = tuple(m, "name");
    return name != null
        && name.getValueNode() instanceof ScalarNode s
        && s.getValue().equals(wanted.name());
  }

  /**
   * Replaces the images value (flow list or empty) by block lines, keeping a comment on its line.
   */
  private void replaceWithBlock(NodeTuple images, String block) {
    Node value = images.getValueNode();
    int colon = src.text.indexOf(':', src.end(images.getKeyNode()));
    int valueEnd = src.end(value);
    int lineEnd = src.lineEnd(valueEnd);
    StringBuilder comments = new StringBuilder();
    for (String part :
        List.of(
            src.text.substring(colon + 1, src.start(value)),
            src.text.substring(valueEnd, lineEnd))) {
      int hash = part.indexOf('#');
      if (hash >= 0) {
        comments.append(' ').append(part.substring(hash).strip());
      } else if (!part.isBlank()) {
        throw new IllegalArgumentException(
            "unexpected text around images in kustomization: " + part.strip());
      }
    }
    String lines =
        block.substring(0, block.length() - 1); // the line's own break (or the file's end) follows
    src.replace(colon + 1, lineEnd, comments + "\n" + lines);
  }
}
