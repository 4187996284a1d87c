package dev.hoist.config;

import dev.hoist.yaml.YamlNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict, declarative reader for the Flux-shaped parts of hoist.yaml: each key has a type,
 * unknown keys are errors with their line, and the result is a plain tree ({@code Map}, {@code
 * List}, {@code String}, {@code Boolean}, {@code Long}, {@link Duration}) in Flux's own field
 * names.
 */
final class Shape {
  /** How one key is read. */
  sealed interface Type {}

  record Str() implements Type {}

  record OneOf(List<String> values) implements Type {}

  record Bool() implements Type {}

  record Int() implements Type {}

  record Dur() implements Type {}

  record Strings() implements Type {}

  /**
   * Any YAML value (Helm values, patches): plain scalars resolved as YAML 1.2 core (bool, int,
   * float, null).
   */
  record Raw() implements Type {}

  /** A string written as a name, output as {@code {name: …}} (Flux's LocalObjectReference). */
  record NameRef() implements Type {}

  record Obj(Shape shape) implements Type {}

  record ListOf(Shape shape) implements Type {}

  static final Type STR = new Str();
  static final Type BOOL = new Bool();
  static final Type INT = new Int();
  static final Type DUR = new Dur();
  static final Type STRINGS = new Strings();
  static final Type RAW = new Raw();
  static final Type NAME_REF = new NameRef();
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  private final Map<String, Type> keys = new LinkedHashMap<>();
  private final List<String> required = new ArrayList<>();

  static Shape of(Object... keyTypePairs) {
    Shape shape = new Shape();
    for (int i = 0; i < keyTypePairs.length; i += 2) {
      String key = (String) keyTypePairs[i];
      if (key.endsWith("!")) {
        key = key.substring(0, key.length() - 1);
        shape.required.add(key);
      }
      shape.keys.put(key, (Type) keyTypePairs[i + 1]);
    }
    return shape;
  }

  /** The keys this shape accepts, in declaration order, with their types. */
  Map<String, Type> keys() {
    return java.util.Collections.unmodifiableMap(keys);
  }

  static Type oneOf(String... values) {
    return new OneOf(List.of(values));
  }

  static Type obj(Object... keyTypePairs) {
    return new Obj(of(keyTypePairs));
  }

  static Type listOf(Object... keyTypePairs) {
    return new ListOf(of(keyTypePairs));
  }

  /** Reads every declared key present in {@code f} and fails on any other key. */
  Map<String, Object> read(Fields f) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Type> e : keys.entrySet()) {
      Object value = value(f, e.getKey(), e.getValue());
      if (value == null && required.contains(e.getKey())) {
        throw f.error(e.getKey(), "required");
      }
      if (value != null) {
        out.put(e.getKey(), value);
      }
    }
    f.finish();
    return out;
  }

  private static Object value(Fields f, String key, Type type) {
    YamlNode node = f.node(key);
    if (node == null) {
      return null;
    }
    String field = f.path(key);
    if (type instanceof Obj o) {
      return o.shape().read(new Fields(f.file(), field, node, f.lines()));
    }
    if (type instanceof ListOf l) {
      List<Object> out = new ArrayList<>();
      for (YamlNode item : items(f, key, node)) {
        out.add(
            l.shape().read(new Fields(f.file(), field + "[" + out.size() + "]", item, f.lines())));
      }
      return out;
    }
    if (type instanceof Strings) {
      List<Object> out = new ArrayList<>();
      for (YamlNode item : items(f, key, node)) {
        out.add(f.scalar(item, field + "[" + out.size() + "]"));
      }
      return out;
    }
    if (type instanceof Raw) {
      return raw(f, node, field);
    }
    String text = f.scalar(node, field);
    if (type instanceof OneOf en) {
      if (!en.values().contains(text)) {
        throw f.error(key, "'" + text + "' is not one of " + String.join(", ", en.values()));
      }
      return text;
    }
    if (type instanceof Bool) {
      return f.bool(key, false);
    }
    if (type instanceof Int) {
      if (!INTEGER.matcher(text).matches()) {
        throw f.error(key, "expected an integer, found '" + text + "'");
      }
      return Long.parseLong(text);
    }
    if (type instanceof Dur) {
      return ConfigLoader.duration(f, key, null);
    }
    if (text.isBlank()) {
      throw f.error(key, "must not be empty");
    }
    if (type instanceof NameRef) {
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("name", text);
      return ref;
    }
    return text;
  }

  private static List<YamlNode> items(Fields f, String key, YamlNode node) {
    if (!(node instanceof YamlNode.Sequence seq)) {
      throw f.error(key, "expected a list, found " + YamlNode.describe(node));
    }
    return seq.items();
  }

  /**
   * A YAML tree as plain values; plain true/false, integers, floats and null are typed, the rest
   * strings.
   */
  static Object raw(Fields f, YamlNode node, String field) {
    if (node instanceof YamlNode.Mapping m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.entries().forEach((k, v) -> out.put(k, raw(f, v, field + "." + k)));
      return out;
    }
    if (node instanceof YamlNode.Sequence s) {
      List<Object> out = new ArrayList<>();
      for (YamlNode item : s.items()) {
        out.add(raw(f, item, field + "[" + out.size() + "]"));
      }
      return out;
    }
    YamlNode.Scalar scalar = (YamlNode.Scalar) node;
    if (!scalar.plain()) {
      return scalar.text();
    }
    if (scalar.isNull()) {
      return null;
    }
    String text = scalar.text();
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    if (INTEGER.matcher(text).matches() && text.length() < 19) {
      return Long.parseLong(text);
    }
    if (FLOAT.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    return text;
  }
}
