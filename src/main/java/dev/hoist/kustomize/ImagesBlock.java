package dev.hoist.kustomize;

import static dev.hoist.kustomize.KustomizationEditor.describe;
import static dev.hoist.kustomize.KustomizationEditor.tuple;

import dev.hoist.kustomize.KustomizationEditor.Wanted;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** The edits to one kustomization's {@code images:} value, recorded as splices on its source text. */
final class ImagesBlock {
  private final SourceText src;
  private final Wanted wanted;
  private MappingNode doc;

  ImagesBlock(SourceText src, Wanted wanted) {
    this.src = src;
    this.wanted = wanted;
  }

  /** A new block entry: {@code - name: …} then {@code newName}, {@code digest}, at the given indentation. */
  static String entry(Wanted w, String dashIndent, String keyOffset, List<String[]> pairs) {
    List<String[]> all = pairs.isEmpty() ? newPairs(w) : pairs;
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
    pairs.addAll(missing(w, false, false));
    return pairs;
  }

  private static List<String[]> missing(Wanted w, boolean hasNewName, boolean hasDigest) {
    List<String[]> pairs = new ArrayList<>();
    if (!hasNewName && w.newName() != null) {
      pairs.add(new String[] {"newName", ScalarText.format(w.newName())});
    }
    if (!hasDigest) {
      pairs.add(new String[] {"digest", ScalarText.format(w.digest())});
    }
    return pairs;
  }

  void appendImagesKey(MappingNode root) {
    this.doc = root;
    String indent = " ".repeat(src.column(root.getValue().get(0).getKeyNode()));
    src.insert(src.text.length(), indent + "images:\n" + entry(wanted, indent + sequenceOffset(), "  ", List.of()));
  }

  /** How far this file indents block sequences under their key ("" for kustomize's own style). */
  private String sequenceOffset() {
    for (NodeTuple t : doc.getValue()) {
      if (t.getValueNode() instanceof SequenceNode s && s.getFlowStyle() == FlowStyle.BLOCK && !s.getValue().isEmpty()) {
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
      if (s.getScalarStyle() == ScalarStyle.PLAIN && List.of("", "~", "null", "Null", "NULL").contains(s.getValue())) {
        replaceWithBlock(images, entry(wanted, blockIndent(images), "  ", List.of()));
        return;
      }
      throw new IllegalArgumentException("images in kustomization must be a list, found " + describe(value));
    }
    if (!(value instanceof SequenceNode seq)) {
      throw new IllegalArgumentException("images in kustomization must be a list, found " + describe(value));
    }
    List<MappingNode> entries = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      if (!(seq.getValue().get(i) instanceof MappingNode m)) {
        throw new IllegalArgumentException(
            "images[" + i + "] in kustomization must be a mapping, found " + describe(seq.getValue().get(i)));
      }
      entries.add(m);
    }
    if (seq.getFlowStyle() == FlowStyle.FLOW) {
      StringBuilder block = new StringBuilder();
      boolean found = false;
      for (MappingNode m : entries) {
        boolean match = matches(m);
        found |= match;
        block.append(entry(wanted, blockIndent(images), "  ", pairs(m, match)));
      }
      if (!found) {
        block.append(entry(wanted, blockIndent(images), "  ", List.of()));
      }
      replaceWithBlock(images, block.toString());
      return;
    }
    boolean found = false;
    for (MappingNode m : entries) {
      if (matches(m)) {
        found = true;
        editEntry(m);
      }
    }
    if (!found) {
      int dashColumn = src.column(seq);
      String keyOffset = "  ";
      for (MappingNode m : entries) {
        if (m.getFlowStyle() == FlowStyle.BLOCK && src.column(m) > dashColumn) {
          keyOffset = " ".repeat(src.column(m) - dashColumn);
          break;
        }
      }
      int at = src.afterLine(lastEnd(entries.get(entries.size() - 1)));
      src.insert(at, entry(wanted, " ".repeat(dashColumn), keyOffset, List.of()));
    }
  }

  private String blockIndent(NodeTuple images) {
    return " ".repeat(src.column(images.getKeyNode())) + sequenceOffset();
  }

  private boolean matches(MappingNode m) {
    NodeTuple name = tuple(m, "name");
    return name != null && name.getValueNode() instanceof ScalarNode s && s.getValue().equals(wanted.name());
  }

  /** The entry's key/value texts after the edit (raw source for untouched ones). */
  private List<String[]> pairs(MappingNode m, boolean match) {
    List<String[]> pairs = new ArrayList<>();
    for (NodeTuple t : m.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
      String rawKey = src.slice(t.getKeyNode());
      String rawValue = src.slice(t.getValueNode());
      if (match && key.equals("newTag")) {
        continue;
      }
      if (match && key.equals("newName") && wanted.newName() != null) {
        rawValue = ScalarText.format(wanted.newName(), style(t.getValueNode()));
      } else if (match && key.equals("digest")) {
        rawValue = ScalarText.format(wanted.digest(), style(t.getValueNode()));
      }
      pairs.add(new String[] {rawKey, rawValue});
      if (match && key.equals("name")) {
        pairs.addAll(missing(wanted, tuple(m, "newName") != null, tuple(m, "digest") != null));
      }
    }
    return pairs;
  }

  private static ScalarStyle style(Node node) {
    return node instanceof ScalarNode s ? s.getScalarStyle() : ScalarStyle.PLAIN;
  }

  private void editEntry(MappingNode m) {
    if (m.getFlowStyle() == FlowStyle.FLOW) {
      List<String> parts = new ArrayList<>();
      for (String[] p : pairs(m, true)) {
        parts.add(p[1].isEmpty() ? p[0] : p[0] + ": " + p[1]);
      }
      src.replace(src.start(m), src.end(m), "{" + String.join(", ", parts) + "}");
      return;
    }
    NodeTuple name = tuple(m, "name");
    NodeTuple newName = tuple(m, "newName");
    NodeTuple digest = tuple(m, "digest");
    NodeTuple newTag = tuple(m, "newTag");
    if (newName != null && wanted.newName() != null) {
      replaceValue(newName, wanted.newName());
    }
    if (digest != null) {
      replaceValue(digest, wanted.digest());
    }
    if (newTag != null) {
      removeTuple(m, newTag);
    }
    String indent = " ".repeat(src.column(name.getKeyNode()));
    StringBuilder lines = new StringBuilder();
    for (String[] p : missing(wanted, newName != null, digest != null)) {
      lines.append(indent).append(p[0]).append(": ").append(p[1]).append('\n');
    }
    if (lines.length() > 0) {
      NodeTuple anchor = name;
      if (newName != null && digest == null && src.start(newName.getKeyNode()) > src.start(name.getKeyNode())) {
        anchor = newName;
      }
      src.insert(src.afterLine(lastEnd(anchor.getValueNode())), lines.toString());
    }
  }

  private void replaceValue(NodeTuple t, String value) {
    Node node = t.getValueNode();
    if (!(node instanceof ScalarNode s)) {
      throw new IllegalArgumentException("images entry " + wanted.name() + ": "
          + ((ScalarNode) t.getKeyNode()).getValue() + " must be a scalar, found " + describe(node));
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
  private int lastEnd(Node node) {
    if (node instanceof MappingNode m && m.getFlowStyle() == FlowStyle.BLOCK && !m.getValue().isEmpty()) {
      return lastEnd(m.getValue().get(m.getValue().size() - 1).getValueNode());
    }
    if (node instanceof SequenceNode s && s.getFlowStyle() == FlowStyle.BLOCK && !s.getValue().isEmpty()) {
      return lastEnd(s.getValue().get(s.getValue().size() - 1));
    }
    return src.end(node);
  }

  /** Replaces the images value (flow list or empty) by block lines, keeping a comment on its line. */
  private void replaceWithBlock(NodeTuple images, String block) {
    Node value = images.getValueNode();
    int colon = src.text.indexOf(':', src.end(images.getKeyNode()));
    int valueEnd = src.end(value);
    int lineEnd = src.lineEnd(valueEnd);
    StringBuilder comments = new StringBuilder();
    for (String part : List.of(src.text.substring(colon + 1, src.start(value)), src.text.substring(valueEnd, lineEnd))) {
      int hash = part.indexOf('#');
      if (hash >= 0) {
        comments.append(' ').append(part.substring(hash).strip());
      } else if (!part.isBlank()) {
        throw new IllegalArgumentException("unexpected text around images in kustomization: " + part.strip());
      }
    }
    String lines = block.substring(0, block.length() - 1); // the line's own break (or the file's end) follows
    src.replace(colon + 1, lineEnd, comments + "\n" + lines);
  }
}
