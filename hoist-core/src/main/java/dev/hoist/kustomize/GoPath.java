package dev.hoist.kustomize;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Go's {@code filepath.Join} (and {@code Clean}) on slash-separated paths, as kustomize joins
 * origin paths.
 */
final class GoPath {
  private GoPath() {}

  /**
   * Joins the non-empty parts with '/' and cleans the result lexically; "" when all parts are
   * empty.
   */
  static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (!p.isEmpty()) {
        if (sb.length() > 0) {
          sb.append('/');
        }
        sb.append(p);
      }
    }
    return sb.length() == 0 ? "" : clean(sb.toString());
  }

  /** Go's path.Clean: no empty or "." elements, ".." resolved where possible, "." for nothing. */
  static String clean(String path) {
    boolean rooted = path.startsWith("/");
    Deque<String> out = new ArrayDeque<>();
    for (String e : path.split("/", -1)) {
      if (e.isEmpty() || e.equals(".")) {
        continue;
      }
      if (e.equals("..")) {
        if (!out.isEmpty() && !out.peekLast().equals("..")) {
          out.removeLast();
        } else if (!rooted) {
          out.addLast("..");
        }
        continue;
      }
      out.addLast(e);
    }
    String joined = String.join("/", out);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }
}
