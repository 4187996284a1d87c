package dev.hoist.flux;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts (whole files as hunks with three lines of context), for {@code
 * --check}.
 */
public final class LineDiff {
  private static final int CONTEXT = 3;

  private LineDiff() {}

  /**
   * The diff from {@code before} ({@code null}: absent) to {@code after}, with {@code a/} and
   * {@code b/} names.
   */
  public static String unified(String path, String before, String after) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        ops.add(" " + a.get(i++));
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add("-" + a.get(i++));
      } else {
        ops.add("+" + b.get(j++));
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(before == null ? "/dev/null" : "a/" + path).append('\n');
    out.append("+++ ").append(after == null ? "/dev/null" : "b/" + path).append('\n');
    int k = 0;
    while (k < ops.size()) {
      if (ops.get(k).startsWith(" ")) {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      int quiet = 0;
      while (end < ops.size() && quiet <= 2 * CONTEXT) {
        quiet = ops.get(end).startsWith(" ") ? quiet + 1 : 0;
        end++;
      }
      end = Math.min(ops.size(), end - Math.max(0, quiet - CONTEXT));
      int[] from = position(ops, start);
      int oldLen = (int) ops.subList(start, end).stream().filter(o -> !o.startsWith("+")).count();
      int newLen = (int) ops.subList(start, end).stream().filter(o -> !o.startsWith("-")).count();
      out.append("@@ -")
          .append(from[0] + (oldLen == 0 ? 0 : 1))
          .append(',')
          .append(oldLen)
          .append(" +")
          .append(from[1] + (newLen == 0 ? 0 : 1))
          .append(',')
          .append(newLen)
          .append(" @@\n");
      ops.subList(start, end).forEach(o -> out.append(o).append('\n'));
      k = end;
    }
    return out.toString();
  }

  private static int[] position(List<String> ops, int upTo) {
    int oldLine = 0;
    int newLine = 0;
    for (String op : ops.subList(0, upTo)) {
      if (!op.startsWith("+")) {
        oldLine++;
      }
      if (!op.startsWith("-")) {
        newLine++;
      }
    }
    return new int[] {oldLine, newLine};
  }

  private static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return List.of(text.split("\n", -1))
        .subList(
            0, text.endsWith("\n") ? text.split("\n", -1).length - 1 : text.split("\n", -1).length);
  }
}
