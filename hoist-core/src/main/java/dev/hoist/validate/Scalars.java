package dev.hoist.validate;

import dev.hoist.yaml.YamlNode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a YAML scalar is once {@code kubectl} / {@code sigs.k8s.io/yaml} (go-yaml v2, YAML 1.1
 * rules) has read it: a plain {@code 1.0} is a number and {@code on} a boolean, so a field typed
 * string rejects them.
 */
final class Scalars {
  enum Kind {
    NULL,
    BOOLEAN,
    INTEGER,
    NUMBER,
    STRING
  }

  private static final Set<String> BOOLS =
      Set.of(
          "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
          "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF");
  private static final Pattern INT =
      Pattern.compile("[-+]?(0|[1-9][0-9_]*)|[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  private Scalars() {}

  static Kind kind(YamlNode.Scalar scalar) {
    if (!scalar.plain()) {
      return Kind.STRING;
    }
    String t = scalar.text();
    if (scalar.isNull()) {
      return Kind.NULL;
    }
    if (BOOLS.contains(t)) {
      return Kind.BOOLEAN;
    }
    if (INT.matcher(t).matches()) {
      return Kind.INTEGER;
    }
    if (FLOAT.matcher(t).matches() && !t.equals(".")) {
      return Kind.NUMBER;
    }
    return Kind.STRING;
  }

  static String describe(YamlNode node) {
    if (node instanceof YamlNode.Mapping) {
      return "object";
    }
    if (node instanceof YamlNode.Sequence) {
      return "array";
    }
    return switch (kind((YamlNode.Scalar) node)) {
      case NULL -> "null";
      case BOOLEAN -> "boolean";
      case INTEGER -> "integer";
      case NUMBER -> "number";
      case STRING -> "string";
    };
  }
}
