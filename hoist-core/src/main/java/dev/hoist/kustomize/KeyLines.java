package dev.hoist.kustomize;

import dev.hoist.yaml.SourceLocation;
import java.util.Arrays;

/**
 * Where a {@link YamlMap} and its keys were written: the mapping's file and line, and per key a
 * line (and a file, for a key a patch wrote). Small parallel arrays, shared between copies until
 * one of them changes (rendering copies every resource several times; a hash map per mapping would
 * cost far more memory).
 */
final class KeyLines {
  private final String source;
  private final int line;
  private String[] keys = new String[0];
  private int[] keyLines = new int[0];

  /** Per-key files; null, or null entries, where the key is in {@link #source}. */
  private String[] keySources;

  private int count;
  private boolean shared;

  KeyLines(String source, int line) {
    this.source = source;
    this.line = line;
  }

  /** The same locations for a copy of the mapping: both copy the arrays before they change. */
  KeyLines share() {
    KeyLines copy = new KeyLines(source, line);
    copy.keys = keys;
    copy.keyLines = keyLines;
    copy.keySources = keySources;
    copy.count = count;
    copy.shared = true;
    shared = true;
    return copy;
  }

  SourceLocation location() {
    return source == null ? null : new SourceLocation(source, line);
  }

  SourceLocation of(String key) {
    for (int i = 0; i < count; i++) {
      if (keys[i].equals(key)) {
        String file = keySources != null && keySources[i] != null ? keySources[i] : source;
        return new SourceLocation(file, keyLines[i]);
      }
    }
    return location();
  }

  /**
   * Records {@code key} at {@code line} of {@code file} (null: this mapping's file); returns this.
   */
  KeyLines with(String key, String file, int keyLine) {
    String own = file == null || file.equals(source) ? null : file;
    int i = 0;
    while (i < count && !keys[i].equals(key)) {
      i++;
    }
    if (shared || i == keys.length) {
      int size = i == keys.length ? Math.max(4, keys.length * 2) : keys.length;
      keys = Arrays.copyOf(keys, size);
      keyLines = Arrays.copyOf(keyLines, size);
      keySources = keySources == null ? null : Arrays.copyOf(keySources, size);
      shared = false;
    }
    if (own != null && keySources == null) {
      keySources = new String[keys.length];
    }
    keys[i] = key;
    keyLines[i] = keyLine;
    if (keySources != null) {
      keySources[i] = own;
    }
    if (i == count) {
      count++;
    }
    return this;
  }
}
