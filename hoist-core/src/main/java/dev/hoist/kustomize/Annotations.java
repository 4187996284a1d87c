package dev.hoist.kustomize;

import dev.hoist.yaml.GoFloat;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Annotation values are strings in kustomize's output, whatever the input said: at the end of a
 * build kustomize reads every resource's {@code metadata.annotations} as a map of node texts and
 * sets it back as strings (kyaml's GetAnnotations/SetAnnotations in RemoveBuildAnnotations). A
 * value read from YAML keeps its source text ({@link #keepSourceText}); a value a JSON patch put
 * there, or any value after a JSON 6902 patch re-created the resource from JSON ({@link
 * JsonRoundTrip}), is printed the way go-yaml writes the JSON value ({@link #text}).
 */
final class Annotations {
  /**
   * What a YAML document is: a resource, or a strategic merge patch (where a null value deletes the
   * key).
   */
  enum Source {
    RESOURCE,
    PATCH
  }

  private Annotations() {}

  /**
   * Replaces the converted annotation values of the resource {@code node} by their source text. The
   * items of a {@code List} or {@code ResourceList} that is alone in its file keep their nodes too
   * (kyaml's reader unwraps them); any other {@code *List} is expanded through JSON (kustomize's
   * inlineAnyEmbeddedLists), so its items' annotations print as JSON wrote the values ({@link
   * #text}).
   */
  static void keepSourceText(Node node, Object value, boolean aloneInFile, Source source) {
    if (!(node instanceof MappingNode root) || !(value instanceof Map<?, ?> resource)) {
      return;
    }
    sourceText(root, Tree.map(resource), source);
    Object kind = resource.get("kind");
    if (aloneInFile
        && ("List".equals(kind) || "ResourceList".equals(kind))
        && resource.get("items") instanceof List<?> items
        && field(root, "items") instanceof SequenceNode itemNodes
        && itemNodes.getValue().size() == items.size()) {
      for (int i = 0; i < items.size(); i++) {
        if (itemNodes.getValue().get(i) instanceof MappingNode item
            && items.get(i) instanceof Map<?, ?> m) {
          sourceText(item, Tree.map(m), source);
        }
      }
    }
  }

  private static void sourceText(
      MappingNode resourceNode, Map<String, Object> resource, Source source) {
    if (field(resourceNode, "metadata") instanceof MappingNode metaNode
        && field(metaNode, "annotations") instanceof MappingNode annotationNodes
        && resource.get("metadata") instanceof Map<?, ?> meta
        && meta.get("annotations") instanceof Map<?, ?> converted) {
      YamlMap annotations = (YamlMap) converted;
      List<String> keys = List.copyOf(annotations.keySet());
      List<NodeTuple> tuples = MergeKeys.withMerges(annotationNodes);
      for (int i = 0; i < tuples.size() && i < keys.size(); i++) {
        Node v = tuples.get(i).getValueNode();
        Object typed = annotations.get(keys.get(i));
        if (source == Source.PATCH && typed == null) {
          continue;
        }
        annotations.putSourceText(
            keys.get(i), v instanceof ScalarNode s ? s.getValue() : "", typed);
      }
    }
  }

  private static Node field(MappingNode map, String name) {
    for (NodeTuple t : MergeKeys.withMerges(map)) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  /**
   * An annotation value as kustomize prints it: strings as they are, anything else as go-yaml
   * writes it.
   */
  static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    if (value instanceof Double d) {
      return GoFloat.format(d);
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    return "";
  }
}
