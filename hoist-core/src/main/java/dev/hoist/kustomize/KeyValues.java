package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.List;

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

  /**
   * An env file's pairs in order, a repeated key kept (the generator refuses it, as kustomize's
   * "illegally repeats the key"). As kustomize v5.5's kv loader reads it: leading whitespace and
   * the first line's BOM dropped, {@code #} lines and blank lines skipped, the key up to the first
   * {@code =} taken as written (kustomize's field validator checks no key names).
   */
  static List<String[]> env(String text) {
    List<String[]> out = new ArrayList<>();
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (String raw : body.split("\n", -1)) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      line = line.stripLeading();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      // kustomize v5.5 (kv.keyValuesFromLine): a key without "=" has the empty value; it does
      // not read the environment, so the output does not depend on where it is built
      out.add(
          eq < 0
              ? new String[] {line, ""}
              : new String[] {line.substring(0, eq), line.substring(eq + 1)});
    }
    return out;
  }
}
