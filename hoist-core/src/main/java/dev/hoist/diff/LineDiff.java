package dev.hoist.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts' lines (longest common subsequence), with {@code context} lines of
 * context around each change; hunks are introduced by {@code @@}.
 */
final class LineDiff {
  private LineDiff() {}

  static String unified(String before, String after, int context) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        lines.add(" " + a.get(i));
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        lines.add("-" + a.get(i++));
      } else {
        lines.add("+" + b.get(j++));
      }
    }
    List<Integer> changes = new ArrayList<>();
    for (int k = 0; k < lines.size(); k++) {
      if (!lines.get(k).startsWith(" ")) {
        changes.add(k);
      }
    }
    StringBuilder out = new StringBuilder();
    int g = 0;
    while (g < changes.size()) {
      int first = changes.get(g);
      int last = first;
      while (g + 1 < changes.size() && changes.get(g + 1) - last <= 2 * context + 1) {
        last = changes.get(++g);
      }
      g++;
      out.append("@@\n");
      for (int m = Math.max(0, first - context);
          m <= Math.min(lines.size() - 1, last + context);
          m++) {
        out.append(lines.get(m)).append('\n');
      }
    }
    return out.toString();
  }
}
