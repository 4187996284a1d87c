package dev.hoist.flux;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Normalises a Kustomization path the way {@code flux create kustomization --path} does: {@code
 * ./a/b}.
 */
final class SafePath {
  private SafePath() {}

  static String normalise(String path, String cluster) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("path for cluster " + cluster + " must not be empty");
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.trim().replace('\\', '/').split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new IllegalArgumentException(
            "path for cluster " + cluster + " leaves the artifact: " + path);
      }
      parts.addLast(part);
    }
    return "./" + String.join("/", parts);
  }
}
