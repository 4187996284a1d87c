package dev.hoist.artifact;

import java.util.ArrayList;
import java.util.List;

/** An ordered list of ignore patterns; the last pattern that matches a path decides. */
final class IgnoreRules {
  /** Flux's default ignore list for {@code flux build/push artifact}. */
  static final List<String> FLUX_DEFAULT =
      List.of(
          ".git/",
          ".gitignore",
          ".gitmodules",
          ".gitattributes",
          "*.jpg",
          "*.jpeg",
          "*.gif",
          "*.png",
          "*.wmv",
          "*.flv",
          "*.tar.gz",
          "*.zip");

  private final List<IgnorePattern> patterns = new ArrayList<>();
  private final boolean hasInclusions;

  /**
   * Patterns as Flux reads them: one per entry, comma lists split, blanks and '#' lines skipped.
   */
  IgnoreRules(List<String> lines) {
    boolean inclusions = false;
    for (String entry : lines) {
      for (String line : entry.split("[,\n]", -1)) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        IgnorePattern pattern = new IgnorePattern(line);
        inclusions |= pattern.inclusion();
        patterns.add(pattern);
      }
    }
    hasInclusions = inclusions;
  }

  /** True when the path (components below the root) is excluded. */
  boolean excluded(List<String> path, boolean isDir) {
    for (int i = patterns.size() - 1; i >= 0; i--) {
      IgnorePattern.Result result = patterns.get(i).match(path, isDir);
      if (result != IgnorePattern.Result.NO_MATCH) {
        return result == IgnorePattern.Result.EXCLUDE;
      }
    }
    return false;
  }

  /**
   * Whether something below an excluded directory can be included again. Without '!' patterns
   * everything below an excluded directory is excluded too, so the walk need not descend.
   */
  boolean mayReinclude() {
    return hasInclusions;
  }
}
