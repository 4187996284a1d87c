package dev.hoist.init;

import java.util.List;

/** A plain line diff for {@code hoist init --force}: what a file loses and gains. */
final class LineDiff {
  private LineDiff() {}

  static String of(String name, String old, String now) {
    List<String> before = old.lines().toList();
    List<String> after = now.lines().toList();
    StringBuilder out =
        new StringBuilder("--- " + name + " (yours)\n+++ " + name + " (hoist init)\n");
    for (String line : before) {
      if (!after.contains(line)) {
        out.append('-').append(line).append('\n');
      }
    }
    for (String line : after) {
      if (!before.contains(line)) {
        out.append('+').append(line).append('\n');
      }
    }
    return out.toString().stripTrailing();
  }
}
