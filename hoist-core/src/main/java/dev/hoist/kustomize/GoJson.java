package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's encoding/json decoding a JSON object into one of kustomize's structs ({@link
 * KustomizationTypes}), applied to the value tree hoist read, so that the engine sees the fields
 * under their Go names as kustomize's transformers do. kustomize v5.5 turns the kustomization into
 * JSON with sigs.k8s.io/yaml (which sorts the keys) and decodes that; the rules followed here:
 *
 * <ul>
 *   <li>a key names the field whose JSON name it equals, else the one it equals ignoring case
 *       ({@code newtag:} is {@code newTag:});
 *   <li>a key naming no field fails when decoding strictly (kustomize's {@code
 *       DisallowUnknownFields} for the kustomization) and is dropped otherwise (sigs.k8s.io/yaml's
 *       {@code Unmarshal}, for replacement files);
 *   <li>when two keys name one field they are decoded in sorted key order into the same value: a
 *       scalar or list of scalars is replaced, a map gets the keys added, a struct the fields, and
 *       a list of structs is decoded element by element into the elements already there (then cut
 *       to the new length); null empties a pointer, map or list and leaves a scalar as it was.
 * </ul>
 *
 * A value of the wrong type fails in one line naming the place, as Go's decoder fails (also when
 * decoding leniently); a number with no fraction fits an integer field ({@code 2.0}). Decoding
 * leniently, a number or bool fits a string field as its text ({@link #stringified}).
 */
final class GoJson {
  /** A Go type of kustomize's api/types. */
  sealed interface Type permits Leaf, Slice, Struct {}

  /**
   * A Go string, bool or integer (null leaves it as it was); a map[string]string or
   * map[string]bool; OPAQUE: not decoded here (the fields the embedded engine refuses).
   */
  enum Leaf implements Type {
    STRING("a string"),
    BOOL("a bool"),
    INT("an integer"),
    MAP_STRING("a string"),
    MAP_BOOL("a bool"),
    OPAQUE("");

    final String expected;

    Leaf(String expected) {
      this.expected = expected;
    }
  }

  /** A Go slice. */
  record Slice(Type element) implements Type {}

  /** A Go struct (inline structs flattened) by its fields' JSON names, in Go's order. */
  record Struct(String name, boolean pointer, Map<String, Type> fields) implements Type {
    static Struct of(String name, boolean pointer, Object... namesAndTypes) {
      Map<String, Type> fields = new LinkedHashMap<>();
      for (int i = 0; i < namesAndTypes.length; i += 2) {
        fields.put((String) namesAndTypes[i], (Type) namesAndTypes[i + 1]);
      }
      return new Struct(name, pointer, java.util.Collections.unmodifiableMap(fields));
    }

    /** The field a JSON key names, or null. */
    String field(String key) {
      if (fields.containsKey(key)) {
        return key;
      }
      for (String f : fields.keySet()) {
        // Go folds ASCII case and the Kelvin sign and long s as Java's equalsIgnoreCase does
        if (f.equalsIgnoreCase(key)) {
          return f;
        }
      }
      return null;
    }
  }

  private final String where;
  private final boolean strict;

  GoJson(String where, boolean strict) {
    this.where = where;
    this.strict = strict;
  }

  /**
   * {@code value} decoded as {@code type} into {@code previous} (null: a zero value); {@code path}
   * names the value in messages.
   */
  Object decode(Object value, Type type, Object previous, String path) {
    if (type instanceof Struct s) {
      return struct(value, s, previous, path);
    }
    if (type instanceof Slice s) {
      return slice(value, s, previous, path);
    }
    return leaf(value, (Leaf) type, previous, path);
  }

  private Object leaf(Object value, Leaf leaf, Object previous, String path) {
    switch (leaf) {
      case OPAQUE -> {
        return value;
      }
      case MAP_STRING, MAP_BOOL -> {
        if (value == null) {
          return null;
        }
        if (!(value instanceof Map<?, ?> m)) {
          throw mismatch(path, "a mapping", value);
        }
        Map<String, Object> entries =
            !strict && leaf == Leaf.MAP_STRING
                ? YamlMap.copyOf(Tree.map(m), GoText::stringified)
                : Tree.map(m);
        entries.forEach(
            (k, v) -> {
              if (v != null && !scalarFits(leaf == Leaf.MAP_STRING ? Leaf.STRING : Leaf.BOOL, v)) {
                throw mismatch(child(path, k), leaf.expected, v);
              }
            });
        return map(entries, previous);
      }
      default -> {
        if (value == null) {
          return previous;
        }
        if (!strict && leaf == Leaf.STRING) {
          value = GoText.stringified(value);
        }
        if (leaf == Leaf.INT && value instanceof Double d && GoText.integral(d)) {
          // sigs.k8s.io/yaml writes 2.0 as the JSON number 2, which an int64 takes
          return (long) d.doubleValue();
        }
        if (!scalarFits(leaf, value)) {
          throw mismatch(path, leaf.expected, value);
        }
        return value;
      }
    }
  }

  private static boolean scalarFits(Leaf leaf, Object v) {
    return switch (leaf) {
      case STRING -> v instanceof String;
      case BOOL -> v instanceof Boolean;
      default ->
          v instanceof Long
              || v instanceof Integer
              || (v instanceof java.math.BigInteger b && b.bitLength() < 64);
    };
  }

  private Object struct(Object value, Struct s, Object previous, String path) {
    if (value == null) {
      return s.pointer() ? null : previous;
    }
    if (!(value instanceof Map<?, ?> raw)) {
      throw mismatch(path, "a mapping (" + s.name() + ")", value);
    }
    Map<String, Object> m = Tree.map(raw);
    if (previous == null && s.fields().keySet().containsAll(m.keySet())) {
      // every key is a field's own name, once: the mapping stays what it was (where it was written)
      m.replaceAll((key, v) -> decode(v, s.fields().get(key), null, child(path, key)));
      return m;
    }
    Map<String, Object> out =
        previous instanceof Map<?, ?> p
            ? YamlMap.copyOf(Tree.map(p), v -> v)
            : YamlMap.locatedLike(m);
    List<String> keys = new ArrayList<>(m.keySet());
    keys.sort(null); // sigs.k8s.io/yaml's JSON has its keys sorted (byte order)
    for (String key : keys) {
      String field = s.field(key);
      if (field == null) {
        if (strict) {
          throw unknown(key, s, path);
        }
        continue;
      }
      Object v = decode(m.get(key), s.fields().get(field), out.get(field), child(path, field));
      out.put(field, v);
      YamlMap.moveKey(out, field, m, key);
    }
    return out;
  }

  private Object slice(Object value, Slice s, Object previous, String path) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> raw)) {
      throw mismatch(path, "a list", value);
    }
    List<Object> list = Tree.list(raw);
    List<?> before = previous instanceof List<?> p ? p : List.of();
    List<Object> out = before.isEmpty() ? list : new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object into = i < before.size() ? before.get(i) : null;
      Object v = decode(list.get(i), s.element(), into, path + "[" + i + "]");
      if (out == list) {
        if (v != list.get(i)) {
          list.set(i, v);
        }
      } else {
        out.add(v);
      }
    }
    return out;
  }

  private static Object map(Object value, Object previous) {
    if (!(value instanceof Map<?, ?> m) || !(previous instanceof Map<?, ?> p)) {
      return value;
    }
    // encoding/json adds a JSON object's keys to a map that is already there
    Map<String, Object> out = YamlMap.copyOf(Tree.map(p), v -> v);
    Tree.map(m)
        .forEach(
            (k, v) -> {
              out.put(k, v);
              YamlMap.moveKey(out, k, m, k);
            });
    return out;
  }

  private RenderException unknown(String key, Struct s, String path) {
    if (path.isEmpty()) {
      return new RenderException(
          where + ": unknown field \"" + key + "\" (not a field of a " + s.name() + ")");
    }
    return new RenderException(
        where
            + ": "
            + path
            + ": unknown field \""
            + key
            + "\" ("
            + s.name()
            + " fields: "
            + String.join(", ", s.fields().keySet())
            + ")");
  }

  /** Go's "cannot unmarshal … into Go struct field … of type …", in one line naming the place. */
  private RenderException mismatch(String path, String expected, Object value) {
    boolean hint = expected.equals("a string") && !(value instanceof Map || value instanceof List);
    return new RenderException(
        where
            + ": "
            + path
            + ": expected "
            + expected
            + ", not "
            + describe(value)
            + (hint ? " (quote it)" : ""));
  }

  private static String describe(Object v) {
    if (v instanceof Map) {
      return "a mapping";
    }
    if (v instanceof List) {
      return "a list";
    }
    if (v instanceof String) {
      return "the string \"" + v + "\"";
    }
    return (v instanceof Boolean ? "the bool " : "the number ") + v;
  }

  private static String child(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
