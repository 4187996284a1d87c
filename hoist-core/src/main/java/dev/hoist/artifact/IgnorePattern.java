package dev.hoist.artifact;

import java.util.ArrayList;
import java.util.List;

/**
 * One gitignore-style pattern with the matching rules of Flux's sourceignore: a pattern without '/'
 * matches any path component (and so everything under it); a pattern with '/' matches from the
 * root, component by component, with {@code **} for any number of directories, and also matches
 * everything under what it matches; a trailing '/' restricts the match to directories; a leading
 * '!' re-includes.
 */
final class IgnorePattern {
  enum Result {
    NO_MATCH,
    EXCLUDE,
    INCLUDE
  }

  private final List<String> parts;
  private final List<NameGlob> globs = new ArrayList<>();
  private final boolean inclusion;
  private final boolean dirOnly;
  private final boolean anchored;

  IgnorePattern(String line) {
    String p = line;
    inclusion = p.startsWith("!");
    if (inclusion) {
      p = p.substring(1);
    }
    if (!p.endsWith("\\ ")) {
      p = p.replaceAll(" +$", "");
    }
    dirOnly = p.endsWith("/");
    if (dirOnly) {
      p = p.substring(0, p.length() - 1);
    }
    anchored = p.contains("/");
    parts = List.of(p.split("/", -1));
    for (String part : parts) {
      globs.add(new NameGlob(part));
    }
  }

  boolean inclusion() {
    return inclusion;
  }

  /** Matches the path components below the artifact root (never empty). */
  Result match(List<String> path, boolean isDir) {
    boolean hit = anchored ? globMatch(path, isDir) : nameMatch(path, isDir);
    if (!hit) {
      return Result.NO_MATCH;
    }
    return inclusion ? Result.INCLUDE : Result.EXCLUDE;
  }

  private boolean nameMatch(List<String> path, boolean isDir) {
    for (int i = 0; i < path.size(); i++) {
      if (globs.get(0).matches(path.get(i))) {
        return !(dirOnly && !isDir && i == path.size() - 1);
      }
    }
    return false;
  }

  private boolean globMatch(List<String> path, boolean isDir) {
    int at = 0;
    boolean matched = false;
    boolean traverse = false;
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (part.isEmpty()) {
        traverse = false;
        continue;
      }
      if (part.equals("**")) {
        if (i == parts.size() - 1) {
          break;
        }
        traverse = true;
        continue;
      }
      if (part.contains("**") || at >= path.size()) {
        return false;
      }
      if (traverse) {
        traverse = false;
        while (at < path.size()) {
          String element = path.get(at++);
          if (globs.get(i).matches(element)) {
            matched = true;
            break;
          } else if (at >= path.size()) {
            matched = false;
          }
        }
      } else {
        if (!globs.get(i).matches(path.get(at))) {
          return false;
        }
        matched = true;
        at++;
      }
    }
    return !(matched && dirOnly && !isDir && at >= path.size()) && matched;
  }
}
