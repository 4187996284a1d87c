package dev.hoist.yaml;

import java.util.List;
import java.util.Map;

/** A place in a source file: its path and a 1-based line (0 when only the file is known). */
public record SourceLocation(String file, int line) {

  /**
   * Where the value at {@code path} (map keys as strings, list indices as integers) inside {@code
   * root} was written: the key's own location when known, else that of the nearest enclosing
   * mapping that knows one; null when nothing on the way is {@link Located}.
   */
  public static SourceLocation of(Object root, List<?> path) {
    SourceLocation best = root instanceof Located l ? l.location() : null;
    Object current = root;
    for (Object segment : path) {
      if (current instanceof Map<?, ?> map && segment instanceof String key) {
        if (current instanceof Located l) {
          SourceLocation at = l.locationOf(key);
          if (at != null) {
            best = at;
          }
        }
        current = map.get(key);
      } else if (current instanceof List<?> list
          && segment instanceof Integer index
          && index >= 0
          && index < list.size()) {
        current = list.get(index);
        if (current instanceof Located l && l.location() != null) {
          best = l.location();
        }
      } else {
        break;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
