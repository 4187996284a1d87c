package dev.hoist.yaml;

/**
 * A mapping that knows where it was written: the file, the line it starts on, and where each key
 * is. Keys may come from another file than the mapping (a patch changed them). Readers of rendered
 * objects use it to point a message at the source line that produced a field.
 */
public interface Located {
  /** Where the mapping starts, or null when unknown. */
  SourceLocation location();

  /** Where {@code key} was written, or null when unknown. */
  SourceLocation locationOf(String key);
}
