package dev.hoist.kustomize;

import dev.hoist.yaml.Located;
import dev.hoist.yaml.SourceLocation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * A mapping read from YAML that still knows three things about its nodes which plain Java values
 * lose, and which kustomize's output depends on:
 *
 * <ul>
 *   <li>which keys were written with no value at all ({@code key:}): kyaml keeps such an empty null
 *       node until a strategic merge patch walks the map, and then drops it (merge2 keeps only a
 *       null with text, {@code ~} or {@code null}, see {@link StrategicMerge}), or until a JSON
 *       round trip ({@link JsonRoundTrip}); inside a flow collection go-yaml writes it as {@code
 *       ''}, so it prints as {@code ""} ({@link Output});
 *   <li>whether the mapping was written in flow style ({@code {a: 1}});
 *   <li>for an annotation whose value is kept as its source text ({@link Annotations}), the typed
 *       value behind that text, which is what a JSON round trip prints ({@link JsonRoundTrip}).
 * </ul>
 *
 * Any change to a key's value forgets what was known about it. Each mapping also knows where it was
 * written ({@link Located}, {@link KeyLines}): that never changes what is printed.
 */
final class YamlMap extends LinkedHashMap<String, Object> implements Located {
  boolean flow;
  private Set<String> bare;
  private Map<String, Object> typed;
  private KeyLines lines;

  YamlMap() {}

  /**
   * A copy of {@code m} with each value mapped, keeping what is known about the keys when m is a
   * YamlMap.
   */
  static YamlMap copyOf(Map<String, Object> m, UnaryOperator<Object> values) {
    YamlMap out = new YamlMap();
    m.forEach((k, v) -> out.superPut(k, values.apply(v)));
    if (m instanceof YamlMap y) {
      out.flow = y.flow;
      out.bare = y.bare == null ? null : new HashSet<>(y.bare);
      out.typed = y.typed == null ? null : new HashMap<>(y.typed);
      out.lines = y.lines == null ? null : y.lines.share();
    }
    return out;
  }

  /** An empty mapping written where {@code m} was (when m knows it). */
  static YamlMap locatedLike(Map<?, ?> m) {
    YamlMap out = new YamlMap();
    if (m instanceof YamlMap y && y.lines != null) {
      out.lines = y.lines.share();
    }
    return out;
  }

  /** Records that this mapping starts at {@code line} of {@code source}. */
  void at(String source, int line) {
    lines = new KeyLines(source, line);
  }

  /** Records the line of {@code key} (in this mapping's source). */
  void keyAt(String key, int line) {
    if (lines != null) {
      lines = lines.with(key, null, line);
    }
  }

  /**
   * {@code dest[key]} now holds what a patch or a kustomization wrote at {@code from[fromKey]}: it
   * is located there from now on.
   */
  static void moveKey(Map<?, ?> dest, String key, Map<?, ?> from, String fromKey) {
    if (dest instanceof YamlMap d
        && d.lines != null
        && from instanceof YamlMap f
        && f.lines != null) {
      SourceLocation at = f.locationOf(fromKey);
      if (at != null) {
        d.lines = d.lines.with(key, at.file(), at.line());
      }
    }
  }

  @Override
  public SourceLocation location() {
    return lines == null ? null : lines.location();
  }

  @Override
  public SourceLocation locationOf(String key) {
    return lines == null ? null : lines.of(key);
  }

  /** True when {@code key} of {@code m} was written with no value and has not changed since. */
  static boolean bare(Map<?, ?> m, String key) {
    return m instanceof YamlMap y && y.bare != null && y.bare.contains(key);
  }

  static boolean flow(Object m) {
    return m instanceof YamlMap y && y.flow;
  }

  void markBare(String key) {
    if (bare == null) {
      bare = new HashSet<>();
    }
    bare.add(key);
  }

  /**
   * Sets an annotation to its source text, remembering the typed value (when it is not that text).
   */
  void putSourceText(String key, String text, Object typedValue) {
    super.put(key, text);
    if (!text.equals(typedValue)) {
      if (typed == null) {
        typed = new HashMap<>();
      }
      typed.put(key, typedValue);
    }
  }

  /**
   * Forgets what is known about the nodes, as a JSON round trip re-creates them: empty nulls become
   * plain ones (or "" when {@code emptyInFlow}: the mapping is in a flow collection and the round
   * trip starts from go-yaml's text), annotations get their typed value back, and the mapping
   * becomes a flow one when {@code flowAfter} (JSON text read as YAML) or a block one (go-yaml's
   * encoder).
   */
  void forgetNodes(boolean flowAfter, boolean emptyInFlow) {
    if (typed != null) {
      typed.forEach(this::superPut);
      typed = null;
    }
    if (emptyInFlow && bare != null) {
      bare.forEach(
          k -> superPut(k, "")); // see Output: go-yaml writes an empty null in a flow mapping as ''
    }
    flow = flowAfter;
    bare = null;
  }

  private void superPut(String key, Object value) {
    super.put(key, value);
  }

  private void forget(Object key) {
    if (bare != null) {
      bare.remove(key);
    }
    if (typed != null) {
      typed.remove(key);
    }
  }

  @Override
  public Object put(String key, Object value) {
    forget(key);
    return super.put(key, value);
  }

  @Override
  public void putAll(Map<? extends String, ?> m) {
    m.forEach(this::put);
  }

  @Override
  public Object putIfAbsent(String key, Object value) {
    Object v = get(key);
    return v == null ? put(key, value) : v;
  }

  @Override
  public Object remove(Object key) {
    forget(key);
    return super.remove(key);
  }

  @Override
  public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
    for (Map.Entry<String, Object> e : entrySet()) {
      Object v = function.apply(e.getKey(), e.getValue());
      if (v != e.getValue()) {
        forget(e.getKey());
        e.setValue(v);
      }
    }
  }

  @Override
  public void clear() {
    bare = null;
    typed = null;
    super.clear();
  }
}
