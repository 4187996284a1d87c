package dev.hoist.artifact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The difference between a local tree and a pushed artifact, by uncompressed tar content (names,
 * types, modes and content hashes), never by gzip bytes.
 */
public record TreeDiff(List<Change> changes) {
  public TreeDiff {
    changes = List.copyOf(changes);
  }

  /**
   * How one path differs. {@code ADDED}: only in the local tree; {@code REMOVED}: only in the
   * artifact.
   */
  public enum Kind {
    ADDED,
    REMOVED,
    MODIFIED
  }

  public record Change(Kind kind, String path) {
    @Override
    public String toString() {
      return switch (kind) {
            case ADDED -> "added     ";
            case REMOVED -> "removed   ";
            case MODIFIED -> "modified  ";
          }
          + path;
    }
  }

  public boolean equal() {
    return changes.isEmpty();
  }

  static TreeDiff between(Map<String, TarIndex.Item> local, Map<String, TarIndex.Item> remote) {
    List<Change> changes = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(local.keySet());
    names.addAll(remote.keySet());
    for (String name : names) {
      TarIndex.Item l = local.get(name);
      TarIndex.Item r = remote.get(name);
      if (r == null) {
        changes.add(new Change(Kind.ADDED, name));
      } else if (l == null) {
        changes.add(new Change(Kind.REMOVED, name));
      } else if (!l.equals(r)) {
        changes.add(new Change(Kind.MODIFIED, name));
      }
    }
    return new TreeDiff(changes);
  }
}
