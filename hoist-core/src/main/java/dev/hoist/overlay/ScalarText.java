package dev.hoist.overlay;

import dev.hoist.yaml.GoYamlWriter;
import java.util.List;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * Writes a new scalar value in YAML source: plain when safe, otherwise quoted; keeps an existing
 * quote style.
 */
final class ScalarText {
  private ScalarText() {}

  /** The value as kustomize/go-yaml would write it: plain unless that would change its meaning. */
  static String format(String value) {
    if (value.contains("\n") || value.contains("\r")) {
      throw new IllegalArgumentException("image value must be a single line: " + value);
    }
    String item = GoYamlWriter.marshal(List.of(value));
    return item.substring(2, item.length() - 1);
  }

  /**
   * The value written in {@code style} where that style can hold it, else as {@link
   * #format(String)}.
   */
  static String format(String value, ScalarStyle style) {
    if (style == ScalarStyle.DOUBLE_QUOTED && value.chars().allMatch(c -> c >= 0x20 && c != 0x7F)) {
      return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    if (style == ScalarStyle.SINGLE_QUOTED && value.chars().allMatch(c -> c >= 0x20 && c != 0x7F)) {
      return "'" + value.replace("'", "''") + "'";
    }
    return format(value);
  }
}
