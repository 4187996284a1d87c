package dev.hoist.validate;

/**
 * One problem: where (file and line), which object ({@code Kind/namespace/name}) and which field (a
 * JSON path such as {@code .spec.prune}).
 */
public record Problem(String file, int line, String object, String path, String message) {
  @Override
  public String toString() {
    return file
        + (line > 0 ? ":" + line : "")
        + ": "
        + object
        + (path.isEmpty() ? "" : " " + path)
        + ": "
        + message;
  }
}
