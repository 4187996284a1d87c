package dev.hoist.chart;

/**
 * One problem a chart check found: where (a chart file and line, or the rendered template's {@code
 * # Source}), the rule's id and what to do.
 */
public record Finding(String file, int line, String rule, String message, boolean error) {
  @Override
  public String toString() {
    return (error ? "[ERROR] " : "[WARNING] ")
        + file
        + (line > 0 ? ":" + line : "")
        + ": "
        + message
        + " ("
        + rule
        + ")";
  }
}
