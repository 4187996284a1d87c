package dev.hoist.validate;

import dev.hoist.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a value against a CRD's structural {@code openAPIV3Schema} the way the API server would
 * accept it, but strictly: a field the schema does not define is an error (the server would
 * silently prune it). Handles type, properties, additionalProperties, items, required, enum,
 * pattern, min/max length, items and value, date-time and int64 formats, {@code
 * x-kubernetes-preserve-unknown-fields} and {@code x-kubernetes-int-or-string}, and CEL rules
 * ({@code x-kubernetes-validations}, {@link CelRules}) once the value has the schema's type.
 */
final class SchemaCheck {
  /** A problem at a JSON path, with the node's line. */
  record Finding(String path, int line, String message) {}

  private static final Pattern DATE_TIME =
      Pattern.compile(
          "\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([Zz]|[+-]\\d\\d:\\d\\d)");

  private final Consumer<Finding> out;
  private final Map<String, YamlNode.Mapping> refs;
  private final boolean builtin;

  SchemaCheck(Consumer<Finding> out) {
    this(out, Map.of(), false);
  }

  /**
   * With the definitions {@code $ref}s name (Kubernetes' OpenAPI document); {@code builtin}: a
   * built-in kind, where the API server takes null as absent.
   */
  SchemaCheck(Consumer<Finding> out, Map<String, YamlNode.Mapping> refs, boolean builtin) {
    this.out = out;
    this.refs = refs;
    this.builtin = builtin;
  }

  void check(YamlNode value, YamlNode.Mapping schema, String path) {
    Map<String, YamlNode> s = schema.entries();
    String ref = text(s.get("$ref"));
    if (ref != null) {
      YamlNode.Mapping target = refs.get(ref);
      if (target != null) {
        check(value, target, path);
      }
      return;
    }
    if (value instanceof YamlNode.Scalar sc && Scalars.kind(sc) == Scalars.Kind.NULL) {
      if (!builtin && !"true".equals(text(s.get("nullable")))) {
        out.accept(
            new Finding(path, value.line(), "null is not allowed here (expected " + type(s) + ")"));
      }
      return;
    }
    if ("true".equals(text(s.get("x-kubernetes-int-or-string")))) {
      String kind = Scalars.describe(value);
      if (!kind.equals("integer") && !kind.equals("string")) {
        out.accept(
            new Finding(path, value.line(), "expected an integer or a string, found " + kind));
      }
      return;
    }
    String type = text(s.get("type"));
    if (type != null && !typeMatches(type, value)) {
      out.accept(
          new Finding(
              path, value.line(), "expected " + type + ", found " + Scalars.describe(value)));
      return;
    }
    if (value instanceof YamlNode.Mapping m) {
      object(m, s, path);
    } else if (value instanceof YamlNode.Sequence seq) {
      array(seq, s, path);
    } else {
      scalar((YamlNode.Scalar) value, s, path);
    }
    if (s.get("x-kubernetes-validations") instanceof YamlNode.Sequence rules) {
      for (String[] broken : CelRules.broken(value, rules)) {
        out.accept(new Finding(path + broken[1], value.line(), broken[0]));
      }
    }
  }

  private static String type(Map<String, YamlNode> s) {
    String type = text(s.get("type"));
    return type == null ? "a value" : type;
  }

  private static boolean typeMatches(String type, YamlNode value) {
    String kind = Scalars.describe(value);
    return switch (type) {
      case "number" -> kind.equals("number") || kind.equals("integer");
      default -> kind.equals(type);
    };
  }

  private void object(YamlNode.Mapping m, Map<String, YamlNode> s, String path) {
    boolean preserve = "true".equals(text(s.get("x-kubernetes-preserve-unknown-fields")));
    Map<String, YamlNode> properties =
        s.get("properties") instanceof YamlNode.Mapping p ? p.entries() : Map.of();
    YamlNode additional = s.get("additionalProperties");
    for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
      String field = path + "." + e.getKey();
      int line = m.keyLines().getOrDefault(e.getKey(), m.line());
      if (properties.get(e.getKey()) instanceof YamlNode.Mapping prop) {
        check(e.getValue(), prop, field);
      } else if (additional instanceof YamlNode.Mapping schema) {
        check(e.getValue(), schema, field);
      } else if (!preserve && !"true".equals(text(additional))) {
        List<String> known = new ArrayList<>(properties.keySet());
        out.accept(
            new Finding(
                field,
                line,
                "unknown field \""
                    + e.getKey()
                    + "\""
                    + (known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")")));
      }
    }
    if (s.get("required") instanceof YamlNode.Sequence required) {
      for (YamlNode r : required.items()) {
        String name = text(r);
        if (!m.entries().containsKey(name)) {
          out.accept(
              new Finding(
                  path + "." + name, m.line(), "required field \"" + name + "\" is missing"));
        }
      }
    }
    bound(s, "minProperties", m.entries().size(), path, m.line(), "at least %s fields", true);
    bound(s, "maxProperties", m.entries().size(), path, m.line(), "at most %s fields", false);
  }

  private void array(YamlNode.Sequence seq, Map<String, YamlNode> s, String path) {
    if (s.get("items") instanceof YamlNode.Mapping items) {
      for (int i = 0; i < seq.items().size(); i++) {
        check(seq.items().get(i), items, path + "[" + i + "]");
      }
    }
    if ("map".equals(text(s.get("x-kubernetes-list-type")))
        && s.get("x-kubernetes-list-map-keys") instanceof YamlNode.Sequence keys) {
      // a list-map: one entry per key (two containers named alike, an env var twice)
      java.util.Set<List<String>> seen = new java.util.HashSet<>();
      for (int i = 0; i < seq.items().size(); i++) {
        if (!(seq.items().get(i) instanceof YamlNode.Mapping item)) {
          continue;
        }
        List<String> key = new ArrayList<>();
        for (YamlNode k : keys.items()) {
          key.add(text(k) + "=" + text(item.entries().get(text(k))));
        }
        if (!seen.add(key)) {
          out.accept(
              new Finding(
                  path + "[" + i + "]",
                  item.line(),
                  "duplicate entry "
                      + String.join(", ", key)
                      + " (the keys of this list are unique)"));
        }
      }
    }
    bound(s, "minItems", seq.items().size(), path, seq.line(), "at least %s items", true);
    bound(s, "maxItems", seq.items().size(), path, seq.line(), "at most %s items", false);
  }

  private void scalar(YamlNode.Scalar value, Map<String, YamlNode> s, String path) {
    String text = value.text();
    if (s.get("enum") instanceof YamlNode.Sequence values) {
      List<String> allowed = values.items().stream().map(SchemaCheck::text).toList();
      if (!allowed.contains(text)) {
        out.accept(
            new Finding(
                path,
                value.line(),
                "\"" + text + "\" is not one of " + String.join(", ", allowed)));
      }
    }
    if (Scalars.kind(value) == Scalars.Kind.STRING) {
      int length = text.codePointCount(0, text.length());
      bound(s, "minLength", length, path, value.line(), "at least %s characters", true);
      bound(s, "maxLength", length, path, value.line(), "at most %s characters", false);
      String pattern = text(s.get("pattern"));
      if (pattern != null && !matches(pattern, text)) {
        out.accept(new Finding(path, value.line(), "\"" + text + "\" does not match " + pattern));
      }
      if ("date-time".equals(text(s.get("format"))) && !DATE_TIME.matcher(text).matches()) {
        out.accept(
            new Finding(path, value.line(), "\"" + text + "\" is not an RFC 3339 date-time"));
      }
    } else if (Scalars.kind(value) == Scalars.Kind.INTEGER
        || Scalars.kind(value) == Scalars.Kind.NUMBER) {
      BigDecimal number = number(text);
      if (number != null) {
        limit(s, "minimum", number, path, value.line(), true);
        limit(s, "maximum", number, path, value.line(), false);
      }
    }
  }

  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException e) {
      return true; // an ECMA-only construct Java cannot compile: not checked
    }
  }

  private void bound(
      Map<String, YamlNode> s,
      String key,
      int actual,
      String path,
      int line,
      String what,
      boolean min) {
    String limit = text(s.get(key));
    if (limit == null) {
      return;
    }
    long bound = Long.parseLong(limit);
    if (min ? actual < bound : actual > bound) {
      out.accept(
          new Finding(path, line, "must have " + String.format(what, limit) + ", has " + actual));
    }
  }

  private void limit(
      Map<String, YamlNode> s, String key, BigDecimal actual, String path, int line, boolean min) {
    BigDecimal bound = number(text(s.get(key)));
    if (bound != null && (min ? actual.compareTo(bound) < 0 : actual.compareTo(bound) > 0)) {
      out.accept(
          new Finding(
              path,
              line,
              actual + " is " + (min ? "below the minimum " : "above the maximum ") + bound));
    }
  }

  private static BigDecimal number(String text) {
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text.replace("_", "").replace("+", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String text(YamlNode node) {
    return node instanceof YamlNode.Scalar s ? s.text() : null;
  }
}
