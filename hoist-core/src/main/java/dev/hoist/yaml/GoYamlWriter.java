package dev.hoist.yaml;

import java.time.Duration;

/**
 * Writes a tree of {@code Map<String,Object>}, {@code List<Object>}, {@code String}, {@code
 * Boolean}, {@code Integer}, {@code Long}, {@code Double} (as Go's {@code 'g'} format) and {@code
 * null} the way the Flux CLI does ({@code sigs.k8s.io/yaml}, that is go-yaml v2 marshalling a
 * JSON-decoded value): keys sorted at every level, two-space indentation, sequences not indented
 * under their key, strings that would read as another YAML 1.1 type double-quoted, strings that
 * cannot be plain single-quoted, multi-line strings in literal style.
 *
 * <p>Keys are sorted in go-yaml's order, which is byte order for keys made of ASCII letters; where
 * it differs, a non-letter sorts before a letter and runs of digits compare by value ({@code a9}
 * before {@code a10}).
 *
 * <p>{@link #marshal(Object)} never folds long lines. go-yaml v2.4 (which the Flux CLI links) folds
 * plain and quoted strings that contain spaces at column {@value #GO_YAML_LINE_WIDTH}; pass that
 * width to {@link #marshal(Object, int)} for byte-identical output in that case.
 */
public final class GoYamlWriter {
  /** go-yaml v2.4's default preferred line width. */
  public static final int GO_YAML_LINE_WIDTH = 80;

  /** A line width meaning "never fold". */
  public static final int NO_FOLDING = -1;

  private GoYamlWriter() {}

  /** The YAML text for {@code tree}, ending with a newline; long strings are not folded. */
  public static String marshal(Object tree) {
    return marshal(tree, NO_FOLDING);
  }

  /**
   * The YAML text for {@code tree}, folding strings with spaces beyond {@code lineWidth} (negative:
   * never).
   */
  public static String marshal(Object tree, int lineWidth) {
    int width = lineWidth >= 0 && lineWidth <= 4 ? GO_YAML_LINE_WIDTH : lineWidth;
    return new GoEmitter(width).emit(tree);
  }

  /** One document as {@code flux … --export} prints it: a {@code ---} line, then the YAML. */
  public static String document(Object tree) {
    return document(tree, NO_FOLDING);
  }

  /** {@link #document(Object)} with a line width as in {@link #marshal(Object, int)}. */
  public static String document(Object tree, int lineWidth) {
    return "---\n" + trimSpace(marshal(tree, lineWidth)) + "\n";
  }

  /**
   * True when a plain (unquoted) scalar reads as a string under go-yaml v2's YAML 1.1 rules (so not
   * as null, a bool such as {@code yes}/{@code on}, a number or a timestamp).
   */
  public static boolean plainReadsAsString(String plain) {
    return PlainResolver.resolvesToString(plain);
  }

  /**
   * Go's {@code time.Duration.String()}: {@code 1m0s}, {@code 1h30m0s}, {@code 500ms}, {@code 0s}.
   */
  public static String goDuration(Duration duration) {
    return GoDuration.format(duration);
  }

  /**
   * Parses a Go duration such as {@code 5m}, {@code 1h30m}, {@code 90s}, {@code 1m0s} (Go's {@code
   * time.ParseDuration}); throws {@link IllegalArgumentException} with one line naming the value.
   */
  public static Duration parseGoDuration(String value) {
    return GoDuration.parse(value);
  }

  private static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isGoSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isGoSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == 0x85
        || c == 0xA0;
  }
}
