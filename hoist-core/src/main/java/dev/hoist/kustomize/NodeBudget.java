package dev.hoist.kustomize;

/**
 * Caps what one YAML document may expand to when read: nesting depth and the number of nodes after
 * aliases are expanded; and refuses a key given twice in one mapping (a "billion laughs" document
 * is a few hundred bytes that expand to 10^9 nodes). Past a cap, reading stops with a one-line
 * {@link RenderException} naming the file.
 */
final class NodeBudget {
  /** Deepest nesting accepted (go-yaml refuses 10,000; real manifests stay far below 100). */
  static final int MAX_DEPTH = 1000;

  /** Most nodes one document may expand to (the largest CRDs have a few hundred thousand). */
  static final int MAX_NODES = 5_000_000;

  private final String source;
  private int depth;
  private int nodes;

  /**
   * Whether every mapping key must be a string: kustomize turns resources (and patches) into JSON,
   * which a number, bool or null key cannot be.
   */
  boolean stringKeysOnly;

  NodeBudget(String source) {
    this.source = source;
  }

  void enter() {
    if (++depth > MAX_DEPTH) {
      throw new RenderException(
          source + ": invalid YAML: nesting deeper than " + MAX_DEPTH + " levels");
    }
    if (++nodes > MAX_NODES) {
      throw new RenderException(
          source
              + ": invalid YAML: the document expands to more than "
              + MAX_NODES
              + " nodes (aliases that repeat aliases?)");
    }
  }

  void leave() {
    depth--;
  }

  /** A key that is not a string in a resource, refused as kustomize's JSON encoding refuses it. */
  RenderException nonStringKey(Object key, org.snakeyaml.engine.v2.nodes.Node at) {
    int line = at.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    return new RenderException(
        source
            + ": line "
            + line
            + ": mapping key "
            + key
            + " is not a string (kustomize cannot print it as JSON; quote it)");
  }

  /** A key given twice in one mapping, refused as go-yaml (and so kustomize) refuses it. */
  RenderException duplicate(String key, org.snakeyaml.engine.v2.nodes.Node at, Object mapping) {
    int line = at.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    int first = line;
    if (mapping instanceof org.snakeyaml.engine.v2.nodes.MappingNode map) {
      for (var tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s
            && s.getValue().equals(key)) {
          first = s.getStartMark().map(m -> m.getLine() + 1).orElse(line);
          break;
        }
      }
    }
    return new RenderException(
        source
            + ": invalid YAML: line "
            + line
            + ": mapping key \""
            + key
            + "\" already defined at line "
            + first);
  }
}
