package dev.hoist.yaml;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads one YAML document into a {@link YamlNode} tree, defensively: size, alias and nesting caps,
 * duplicate keys refused, non-scalar keys refused. Every error names the source and line.
 */
public final class SafeYaml {
  /** Largest document accepted, in code points. */
  public static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

  /** Deepest nesting accepted. */
  public static final int MAX_DEPTH = 64;

  private static final int MAX_ALIASES = 50;

  private SafeYaml() {}

  /** Parses a single-document YAML text; an empty document gives an empty mapping. */
  public static YamlNode parse(String text, String source) {
    Optional<Node> root = composing(source, compose -> compose.composeString(text));
    if (root.isEmpty()) {
      return new YamlNode.Mapping(Map.of(), Map.of(), 1);
    }
    return convert(root.get(), source, 0);
  }

  /**
   * Parses a multi-document YAML text (documents separated by {@code ---}); empty documents are
   * skipped. The same caps and errors as {@link #parse}.
   */
  public static List<YamlNode> parseAll(String text, String source) {
    return composing(
        source,
        compose -> {
          List<YamlNode> out = new java.util.ArrayList<>();
          for (Node node : compose.composeAllFromString(text)) {
            if (node != null) {
              out.add(convert(node, source, 0));
            }
          }
          return out;
        });
  }

  /**
   * Runs {@code work} on a capped composer; the engine's errors become one-line {@link
   * YamlException}s.
   */
  private static <T> T composing(String source, Function<Compose, T> work) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(source)
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setCodePointLimit(MAX_CODE_POINTS)
            .build();
    try {
      return work.apply(new Compose(settings));
    } catch (MarkedYamlEngineException e) {
      throw new YamlException(
          source + ":" + line(e.getProblemMark()) + ": invalid YAML: " + firstLine(e.getProblem()));
    } catch (YamlEngineException e) {
      throw new YamlException(source + ": invalid YAML: " + firstLine(e.getMessage()));
    } catch (StackOverflowError e) {
      throw new YamlException(source + ": invalid YAML: nesting too deep");
    }
  }

  private static YamlNode convert(Node node, String source, int depth) {
    int line = line(node.getStartMark());
    if (depth > MAX_DEPTH) {
      throw new YamlException(
          source + ":" + line + ": nesting deeper than " + MAX_DEPTH + " levels");
    }
    if (node instanceof ScalarNode scalar) {
      return new YamlNode.Scalar(
          scalar.getValue(), scalar.getScalarStyle() == ScalarStyle.PLAIN, line);
    }
    if (node instanceof SequenceNode seq) {
      List<YamlNode> items =
          seq.getValue().stream().map(n -> convert(n, source, depth + 1)).toList();
      return new YamlNode.Sequence(items, line);
    }
    MappingNode map = (MappingNode) node;
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    Map<String, Integer> keyLines = new HashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      int keyLine = line(tuple.getKeyNode().getStartMark());
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new YamlException(source + ":" + keyLine + ": mapping keys must be plain strings");
      }
      if (key.getValue().equals("<<") && key.getScalarStyle() == ScalarStyle.PLAIN) {
        throw new YamlException(source + ":" + keyLine + ": merge keys (<<) are not supported");
      }
      if (entries.containsKey(key.getValue())) {
        throw new YamlException(
            source
                + ":"
                + keyLine
                + ": duplicate key '"
                + key.getValue()
                + "' (first at line "
                + keyLines.get(key.getValue())
                + ")");
      }
      entries.put(key.getValue(), convert(tuple.getValueNode(), source, depth + 1));
      keyLines.put(key.getValue(), keyLine);
    }
    return new YamlNode.Mapping(entries, keyLines, line);
  }

  private static int line(Optional<Mark> mark) {
    return mark.map(m -> m.getLine() + 1).orElse(0);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed document";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
