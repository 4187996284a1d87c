package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** YAML merge keys ({@code <<}) in a mapping, applied as kustomize reads them. */
final class MergeKeys {
  private MergeKeys() {}

  /**
   * A mapping's entries with its YAML merge key ({@code <<: *defaults}, or a list of maps) applied
   * as kyaml's DeAnchor applies it (go-yaml decodes the same): the mapping's own keys win, then the
   * merged maps in their order; keys a merged map adds follow the mapping's own.
   */
  static List<NodeTuple> withMerges(MappingNode map) {
    List<NodeTuple> own = new ArrayList<>();
    Node merge = null;
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k
          && k.getScalarStyle() == ScalarStyle.PLAIN
          && k.getValue().equals("<<")) {
        if (merge != null) {
          throw new YamlEngineException("duplicate merge key");
        }
        merge = t.getValueNode();
      } else {
        own.add(t);
      }
    }
    if (merge == null) {
      return map.getValue();
    }
    List<MappingNode> sources = new ArrayList<>();
    if (merge instanceof MappingNode m) {
      sources.add(m);
    } else if (merge instanceof SequenceNode seq) {
      for (Node n : seq.getValue()) {
        if (!(n instanceof MappingNode m)) {
          throw new YamlEngineException("invalid map merge: a merged value is not a map");
        }
        sources.add(m);
      }
    } else {
      throw new YamlEngineException("map merge requires map or sequence of maps as the value");
    }
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : own) {
      out.put(keyText(t), t);
    }
    Set<String> ownKeys = new HashSet<>(out.keySet());
    // kyaml applies a list's maps last to first, so the first one's value wins
    for (int i = sources.size() - 1; i >= 0; i--) {
      for (NodeTuple t : withMerges(sources.get(i))) {
        if (!ownKeys.contains(keyText(t))) {
          out.put(keyText(t), t);
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private static String keyText(NodeTuple t) {
    return t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
  }
}
