package dev.hoist.kustomize;

import java.util.LinkedHashMap;
import java.util.Map;

/** Generator sources: {@code KEY=VALUE} literals and env files. */
final class KeyValues {
  private KeyValues() {}

  static String[] literal(String spec, String at) {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      throw new RenderException(at + ": invalid literal source " + spec + ", expected key=value");
    }
    String value = spec.substring(eq + 1);
    if (value.length() >= 2
        && ((value.startsWith("\"") && value.endsWith("\""))
            || (value.startsWith("'") && value.endsWith("'")))) {
      value = value.substring(1, value.length() - 1);
    }
    return new String[] {spec.substring(0, eq), value};
  }

  static Map<String, String> env(String text, String file, String at) {
    Map<String, String> out = new LinkedHashMap<>();
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    int n = 0;
    for (String raw : body.split("\n", -1)) {
      n++;
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      line = line.stripLeading();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? line : line.substring(0, eq);
      if (!key.matches("[-._a-zA-Z][-._a-zA-Z0-9]*")) {
        throw new RenderException(at + ": " + file + ":" + n + ": invalid key " + key);
      }
      if (eq < 0) {
        // kustomize v5.5 (kv.keyValuesFromLine): a key without "=" has the empty value; it does
        // not read the environment, so the output does not depend on where it is built
        out.put(key, "");
        continue;
      }
      out.put(key, line.substring(eq + 1));
    }
    return out;
  }
}
