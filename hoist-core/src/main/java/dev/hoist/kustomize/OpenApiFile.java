package dev.hoist.kustomize;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the file of a {@code crds:} entry as kustomize v5.5.0 does (LoadConfigFromCRDs): JSON when
 * the first byte is '{', otherwise YAML (YAML 1.1 scalars, converted to JSON). The document maps
 * definition names to {@code {Schema, Dependencies}}; the outer levels are decoded leniently (keys
 * matched case insensitively, a repeated key's last value wins), each Schema strictly ({@link
 * OpenApiSchemaCheck}). Returns each definition's Schema mapping (empty when absent or null).
 *
 * <p>JSON is read with the YAML parser and then held to JSON's shapes (flow collections,
 * double-quoted keys, JSON literals); the few JSON errors that leaves unseen (a {@code #} comment,
 * a trailing comma, YAML-only escapes such as {@code \x41}) are read where Go refuses the file.
 */
final class OpenApiFile {
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  /**
   * A JSON object read from JSON text that repeats a key (jsonv2 refuses those inside a Schema).
   */
  static final class RepeatedKeys extends LinkedHashMap<String, Object> {
    final String key;

    RepeatedKeys(String key) {
      this.key = key;
    }
  }

  private OpenApiFile() {}

  static Map<String, Map<String, Object>> read(byte[] content, String source) {
    if (content.length == 0) {
      // kustomize indexes content[0] and panics on an empty file
      throw new RenderException(source + ": empty file, expected OpenAPI definitions");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw new RenderException(source + ": not valid UTF-8");
    }
    boolean json = content[0] == '{';
    Object doc = parse(text, source, json);
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    if (doc == null) {
      return out;
    }
    if (!(doc instanceof Map<?, ?> defs)) {
      throw new RenderException(
          source + ": expected a mapping of definition names, not " + Tree.describe(doc));
    }
    for (Map.Entry<String, Object> e : Tree.map(defs).entrySet()) {
      out.put(e.getKey(), definition(e.getKey(), e.getValue(), source, json));
    }
    return out;
  }

  private static Map<String, Object> definition(
      String name, Object value, String source, boolean json) {
    String at = source + ": definition " + name;
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> def)) {
      throw new RenderException(at + " must be a mapping, not " + Tree.describe(value));
    }
    Object schema = null;
    // Go's encoding/json: an exact field name or else any case; every match is decoded, the last
    // one wins
    for (Map.Entry<String, Object> f : Tree.map(def).entrySet()) {
      if (f.getKey().equalsIgnoreCase("Schema")) {
        OpenApiSchemaCheck.schema(f.getValue(), at + ": Schema", json);
        schema = f.getValue();
      } else if (f.getKey().equalsIgnoreCase("Dependencies")) {
        dependencies(f.getValue(), at);
      }
    }
    return schema == null ? Map.of() : Tree.map(schema);
  }

  private static void dependencies(Object v, String at) {
    if (v == null) {
      return;
    }
    if (!(v instanceof List<?> list)) {
      throw new RenderException(
          at + ": Dependencies must be a list of strings, not " + Tree.describe(v));
    }
    for (Object o : list) {
      if (o != null && !(o instanceof String)) {
        throw new RenderException(
            at + ": Dependencies must be a list of strings, not " + Tree.describe(o));
      }
    }
  }

  private static Object parse(String text, String source, boolean json) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(source)
            .setAllowDuplicateKeys(true)
            .setMaxAliasesForCollections(100)
            .setCodePointLimit(64 * 1024 * 1024)
            .build();
    try {
      // like sigs.k8s.io/yaml, only the first document counts
      var node = new Compose(settings).composeAllFromString(text).iterator();
      return node.hasNext() ? convert(node.next(), json, source) : null;
    } catch (YamlEngineException e) {
      String msg = String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\n\\s*", " ");
      throw new RenderException(source + ": invalid " + (json ? "JSON" : "YAML") + ": " + msg);
    }
  }

  private static Object convert(Node node, boolean json, String source) {
    if (json && !(node instanceof ScalarNode) && nodeFlow(node) != FlowStyle.FLOW) {
      throw new RenderException(source + ": invalid JSON (line " + line(node) + ")");
    }
    if (node instanceof MappingNode map) {
      Map<String, Object> out = new LinkedHashMap<>();
      String repeated = null;
      for (NodeTuple t : map.getValue()) {
        if (json
            && !(t.getKeyNode() instanceof ScalarNode k
                && k.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED)) {
          throw new RenderException(
              source
                  + ": invalid JSON: object keys must be strings (line "
                  + line(t.getKeyNode())
                  + ")");
        }
        Object key = convert(t.getKeyNode(), json, source);
        String k = key == null ? "null" : Tree.scalarText(key);
        if (out.containsKey(k) && repeated == null) {
          repeated = k;
        }
        out.remove(k);
        out.put(k, convert(t.getValueNode(), json, source));
      }
      if (repeated != null && json) {
        RepeatedKeys r = new RepeatedKeys(repeated);
        r.putAll(out);
        return r;
      }
      return out;
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      for (Node n : seq.getValue()) {
        out.add(convert(n, json, source));
      }
      return out;
    }
    ScalarNode s = (ScalarNode) node;
    if (json) {
      if (s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED) {
        return s.getValue();
      }
      String v = s.getValue();
      if (s.getScalarStyle() != ScalarStyle.PLAIN
          || !(JSON_NUMBER.matcher(v).matches()
              || v.equals("true")
              || v.equals("false")
              || v.equals("null"))) {
        throw new RenderException(
            source + ": invalid JSON value " + v + " (line " + line(node) + ")");
      }
      return PlainScalars.resolve(v);
    }
    return s.getScalarStyle() == ScalarStyle.PLAIN ? Yaml11.resolve(s.getValue()) : s.getValue();
  }

  private static FlowStyle nodeFlow(Node node) {
    return node instanceof MappingNode m ? m.getFlowStyle() : ((SequenceNode) node).getFlowStyle();
  }

  private static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }
}
