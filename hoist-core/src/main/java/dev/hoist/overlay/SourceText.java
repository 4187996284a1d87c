package dev.hoist.overlay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The text of a YAML file with helpers to turn composer marks into offsets and to splice edits in.
 */
final class SourceText {
  final String text;
  private final String newline;
  private final List<Edit> edits = new ArrayList<>();

  SourceText(String text) {
    this.text = text;
    this.newline = text.contains("\r\n") ? "\r\n" : "\n";
  }

  /**
   * A replacement of {@code [start, end)} by {@code replacement}, in char offsets of the original
   * text.
   */
  record Edit(int start, int end, String replacement) {}

  int start(Node node) {
    return offset(node.getStartMark().orElseThrow().getIndex());
  }

  int end(Node node) {
    return offset(node.getEndMark().orElseThrow().getIndex());
  }

  int column(Node node) {
    return node.getStartMark().orElseThrow().getColumn();
  }

  private int offset(int codePointIndex) {
    return text.offsetByCodePoints(
        0, Math.min(codePointIndex, text.codePointCount(0, text.length())));
  }

  String slice(Node node) {
    return text.substring(start(node), end(node));
  }

  /**
   * The offset just after the line break ending the line that holds {@code offset} (or the text's
   * end).
   */
  int nextLineStart(int offset) {
    int nl = text.indexOf('\n', offset);
    return nl < 0 ? text.length() : nl + 1;
  }

  int lineStart(int offset) {
    return text.lastIndexOf('\n', offset - 1) + 1;
  }

  /**
   * Where a new line goes after the node ending at {@code end}: its line's end, or {@code end} at a
   * line start.
   */
  int afterLine(int end) {
    return end > 0 && text.charAt(end - 1) == '\n' ? end : nextLineStart(end);
  }

  /** True when the text before the insertion point {@code at} lacks a final line break. */
  boolean needsBreakBefore(int at) {
    return at > 0 && text.charAt(at - 1) != '\n';
  }

  /** Records a splice; line breaks in {@code replacement} are written in the file's own style. */
  void replace(int start, int end, String replacement) {
    edits.add(
        new Edit(
            start, end, newline.equals("\n") ? replacement : replacement.replace("\n", newline)));
  }

  /** The end of the line holding {@code offset}, before its line break. */
  int lineEnd(int offset) {
    int nl = text.indexOf('\n', offset);
    if (nl < 0) {
      return text.length();
    }
    return nl > offset && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
  }

  void insert(int at, String replacement) {
    replace(at, at, (needsBreakBefore(at) ? "\n" : "") + replacement);
  }

  String result() {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).reversed());
    StringBuilder sb = new StringBuilder(text);
    int limit = Integer.MAX_VALUE;
    for (Edit e : sorted) {
      if (e.end() > limit) {
        throw new IllegalArgumentException(
            "cannot edit images: two edits overlap at offset "
                + e.start()
                + " (anchors or aliases in images?)");
      }
      sb.replace(e.start(), e.end(), e.replacement());
      limit = e.start();
    }
    return sb.toString();
  }
}
