package dev.hoist.kustomize;

/**
 * YAML 1.1 types of plain scalars as kustomize reads kustomization files (sigs.k8s.io/yaml, go-yaml
 * v2): the bools {@code y/yes/on/n/no/off…}, null, numbers; anything that is not a string comes
 * back as a {@link Boolean}, a number or null, so string fields can refuse it as kustomize does.
 */
final class Yaml11 {
  private Yaml11() {}

  static Object resolve(String in) {
    if (dev.hoist.yaml.GoYamlWriter.plainReadsAsString(in)) {
      return in;
    }
    switch (in) {
      case "", "~", "null", "Null", "NULL" -> {
        return null;
      }
      case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE" -> {
        return true;
      }
      case "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE" -> {
        return false;
      }
      default -> {}
    }
    try {
      Object v = PlainScalars.resolve(in);
      return v instanceof String ? Double.NaN : v;
    } catch (RuntimeException e) { // a timestamp with an offset Go cannot encode
      return Double.NaN;
    }
  }

  /**
   * A plain scalar as sigs.k8s.io/yaml's YAMLToJSON types it (JSON 6902 patches written as YAML):
   * YAML 1.1 bools and nulls, numbers, and everything else a string, timestamps included (go-yaml
   * v2 keeps them strings when decoding into an interface). An infinity or NaN comes back as a
   * Double, which JSON cannot hold.
   */
  static Object json(String in) {
    if (dev.hoist.yaml.GoYamlWriter.plainReadsAsString(in)) {
      return in;
    }
    Object v = resolve(in);
    if (v instanceof Double d && d.isNaN() && !in.equalsIgnoreCase(".nan")) {
      return in; // a timestamp (or another text only go-yaml v3 types)
    }
    return v;
  }
}
