package dev.hoist.kustomize;

import dev.hoist.yaml.SourceLocation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.ConstructNode;
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
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Reads YAML into plain Java values the way kustomize sees them (go-yaml v3 decoding, then a JSON
 * round trip): maps ({@link LinkedHashMap}), lists, strings, {@link Long}, {@link BigInteger},
 * {@link Double}, {@link Boolean} and {@code null}. Plain scalars resolve with YAML 1.2 core rules
 * plus go-yaml v3's compatibility (underscores, {@code 0777} octal); timestamps become the RFC 3339
 * text Go's JSON encoder prints. A scalar with an explicit {@code !!str} tag stays a string.
 * Mappings are {@link YamlMap}s, which remember the keys written with no value ({@code key:}) and
 * whether they were written in flow style.
 */
public final class Values {
  /**
   * The tag of every scalar without an explicit one, so {@code !!str 2001-12-14} can be told from
   * the plain date.
   */
  private static final Tag IMPLICIT = new Tag("tag:hoist.dev,2026:implicit");

  private static final Schema IMPLICIT_SCHEMA =
      new Schema() {
        @Override
        public ScalarResolver getScalarResolver() {
          return (value, implicit) -> IMPLICIT;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
          return Map.of();
        }
      };

  private Values() {}

  /** Every non-empty document of a YAML stream. */
  public static List<Object> documents(String text, String source) {
    return parse(text, source, PlainScalars::resolve, null);
  }

  /**
   * Resources (and strategic merge patches): like {@link #documents}, but the values of {@code
   * metadata.annotations} (of each item of a {@code *List}, too) are the scalars' source text, and
   * "" for a list or map. kustomize ends every build by re-setting each resource's annotations from
   * its YAML nodes' text (RemoveBuildAnnotations), so {@code port: 8080} and {@code ratio: 1.0}
   * come out as {@code "8080"} and {@code "1.0"}. The typed value stays known ({@link YamlMap}):
   * after a JSON 6902 patch, which re-creates the resource from JSON, {@code 1.0} prints {@code
   * "1"} ({@link JsonRoundTrip}).
   */
  static List<Object> resources(String text, String source) {
    return parse(
        text,
        source,
        PlainScalars::resolve,
        Annotations.Source.RESOURCE,
        new SourceLocation(source, 0));
  }

  /**
   * Strategic merge patches: as {@link #resources}, but a null annotation value stays null (it
   * deletes the key).
   */
  static List<Object> patches(String text, String source) {
    return patches(text, source, null);
  }

  /**
   * Strategic merge patches whose mappings know where they were written: line L of {@code text} is
   * line {@code L + place.line()} of {@code place.file()} (an inline patch in a kustomization).
   */
  static List<Object> patches(String text, String source, SourceLocation place) {
    return parse(text, source, PlainScalars::resolve, Annotations.Source.PATCH, place);
  }

  /**
   * The documents of a file kustomize reads with sigs.k8s.io/yaml's Unmarshal (a replacements
   * file): YAML 1.1 scalars as in {@link #kustomization}.
   */
  static List<Object> yaml11Documents(String text, String source) {
    return parse(text, source, Yaml11::json, null, null, true);
  }

  /** One document (a kustomization, a patch); an empty text gives an empty map. */
  public static Object single(String text, String source) {
    List<Object> docs = documents(text, source);
    if (docs.size() > 1) {
      throw new RenderException(source + ": expected one YAML document, found " + docs.size());
    }
    return docs.isEmpty() ? new LinkedHashMap<String, Object>() : docs.get(0);
  }

  /**
   * A kustomization file: kustomize reads it with YAML 1.1 rules (sigs.k8s.io/yaml, a key written
   * twice taking the later value), so a plain {@code yes}, {@code on} or {@code n} is a bool and
   * {@code 1.10} a number, and string fields reject them; a timestamp stays a string (go-yaml v2
   * decoding into an interface).
   */
  public static Object kustomization(String text, String source) {
    List<Object> docs =
        parse(text, source, Yaml11::json, null, new SourceLocation(source, 0), true);
    if (docs.size() > 1) {
      throw new RenderException(source + ": expected one YAML document, found " + docs.size());
    }
    return docs.isEmpty() ? new LinkedHashMap<String, Object>() : docs.get(0);
  }

  /**
   * The first document of a JSON 6902 patch written as YAML, typed as sigs.k8s.io/yaml's YAMLToJSON
   * types it ({@link Yaml11#json}), or null when there is none.
   */
  static Object jsonPatch(String text, String source) {
    return jsonPatch(text, source, null);
  }

  /** As {@link #jsonPatch(String, String)}, with mappings located as in {@link #patches}. */
  static Object jsonPatch(String text, String source, SourceLocation place) {
    List<Object> docs = parse(text, source, Yaml11::json, null, place);
    return docs.isEmpty() ? null : docs.get(0);
  }

  private static List<Object> parse(
      String text, String source, Function<String, Object> plain, Annotations.Source annotations) {
    return parse(text, source, plain, annotations, null);
  }

  /** {@code place}: where line 1 of {@code text} is (null: mappings are not located). */
  private static List<Object> parse(
      String text,
      String source,
      Function<String, Object> plain,
      Annotations.Source annotations,
      SourceLocation place) {
    return parse(text, source, plain, annotations, place, false);
  }

  /**
   * {@code lastKeyWins}: a key written twice in one mapping takes the later value, as go-yaml v2
   * (sigs.k8s.io/yaml) decodes a kustomization; otherwise it is an error, as kyaml (go-yaml v3)
   * makes it for resources.
   */
  private static List<Object> parse(
      String text,
      String source,
      Function<String, Object> plain,
      Annotations.Source annotations,
      SourceLocation place,
      boolean lastKeyWins) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(source)
            .setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(100)
            .setCodePointLimit(64 * 1024 * 1024)
            .setSchema(IMPLICIT_SCHEMA)
            .build();
    List<Object> docs = new ArrayList<>();
    try {
      List<Node> nodes = new ArrayList<>();
      for (Node node : new Compose(settings).composeAllFromString(text)) {
        NodeBudget budget = new NodeBudget(source);
        budget.stringKeysOnly = annotations != null;
        Object value = convert(node, plain, place, budget, lastKeyWins);
        if (value != null) {
          docs.add(value);
          nodes.add(node);
        }
      }
      if (annotations != null) {
        for (int i = 0; i < docs.size(); i++) {
          Annotations.keepSourceText(
              nodes.get(i),
              docs.get(i),
              docs.size() == 1 && ResourceFile.oneDocument(text),
              annotations);
        }
      }
    } catch (IllegalArgumentException e) {
      throw new RenderException(
          source + ": " + e.getMessage() + " (kustomize cannot print it as JSON)");
    } catch (YamlEngineException e) {
      String msg = String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\n\\s*", " ");
      throw new RenderException(source + ": invalid YAML: " + msg);
    } catch (StackOverflowError e) {
      throw new RenderException(
          source + ": invalid YAML: nesting deeper than " + NodeBudget.MAX_DEPTH + " levels");
    }
    return docs;
  }

  private static Object convert(
      Node node,
      Function<String, Object> plain,
      SourceLocation place,
      NodeBudget budget,
      boolean lastKeyWins) {
    budget.enter();
    try {
      return convertCounted(node, plain, place, budget, lastKeyWins);
    } finally {
      budget.leave();
    }
  }

  private static Object convertCounted(
      Node node,
      Function<String, Object> plain,
      SourceLocation place,
      NodeBudget budget,
      boolean lastKeyWins) {
    if (node instanceof MappingNode map) {
      YamlMap out = new YamlMap();
      out.flow = map.getFlowStyle() == FlowStyle.FLOW;
      if (place != null) {
        out.at(place.file(), line(map, place));
      }
      for (NodeTuple t : MergeKeys.withMerges(map)) {
        Object key = convert(t.getKeyNode(), plain, null, budget, lastKeyWins);
        if (budget.stringKeysOnly && !(key instanceof String)) {
          throw budget.nonStringKey(key, t.getKeyNode());
        }
        String k = key == null ? "null" : key.toString();
        if (out.containsKey(k)) {
          if (!lastKeyWins) {
            throw budget.duplicate(k, t.getKeyNode(), map);
          }
          out.remove(k);
        }
        Object value = convert(t.getValueNode(), plain, place, budget, lastKeyWins);
        out.put(k, value);
        if (place != null) {
          out.keyAt(k, line(t.getKeyNode(), place));
        }
        if (value == null && t.getValueNode() instanceof ScalarNode s && s.getValue().isEmpty()) {
          out.markBare(k);
        }
      }
      return out;
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      for (Node n : seq.getValue()) {
        out.add(convert(n, plain, place, budget, lastKeyWins));
      }
      return out;
    }
    ScalarNode s = (ScalarNode) node;
    if (s.getScalarStyle() != ScalarStyle.PLAIN || s.getTag().equals(Tag.STR)) {
      return s.getValue();
    }
    return plain.apply(s.getValue());
  }

  private static int line(Node node, SourceLocation place) {
    return node.getStartMark().map(m -> m.getLine() + 1 + place.line()).orElse(place.line());
  }
}
