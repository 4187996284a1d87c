package dev.hoist.kustomize.engine;

/**
 * YAML 1.1 types of plain scalars as kustomize reads kustomization files (sigs.k8s.io/yaml, go-yaml v2): the
 * bools {@code y/yes/on/n/no/off…}, null, numbers; anything that is not a string comes back as a
 * {@link Boolean}, a number or null, so string fields can refuse it as kustomize does.
 */
final class Yaml11 {
  private Yaml11() {
  }

  static Object resolve(String in) {
    if (dev.hoist.yaml.GoYamlWriter.plainReadsAsString(in)) {
      return in;
    }
    switch (in) {
      case "", "~", "null", "Null", "NULL":
        return null;
      case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE":
        return Boolean.TRUE;
      case "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE":
        return Boolean.FALSE;
      default:
        break;
    }
    try {
      Object v = Values.resolvePlain(in);
      return v instanceof String ? Double.NaN : v;
    } catch (RenderException e) {
      return Double.NaN;
    }
  }
}
