package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (as Go's encoding/json accepts it) for JSON 6902 patches written as JSON:
 * objects ({@link LinkedHashMap}, a repeated key keeps its last value), lists, strings, {@link
 * Long} (integers that fit), {@link Double}, {@link Boolean} and {@code null}. Anything else, such
 * as YAML flow syntax, is an error.
 */
final class StrictJson {
  private final String text;
  private int pos;

  private StrictJson(String text) {
    this.text = text;
  }

  /**
   * The value of {@code text}; throws IllegalArgumentException naming the offset of what is not
   * JSON.
   */
  static Object parse(String text) {
    StrictJson p = new StrictJson(text);
    Object v = p.value();
    p.space();
    if (p.pos < text.length()) {
      throw p.error("unexpected text after the value");
    }
    return v;
  }

  private Object value() {
    space();
    if (pos >= text.length()) {
      throw error("unexpected end of text");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", true);
      case 'f' -> literal("false", false);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("invalid character '" + c + "' looking for the beginning of a value");
      }
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> out = new LinkedHashMap<>();
    pos++;
    space();
    if (peek() == '}') {
      pos++;
      return out;
    }
    while (true) {
      space();
      if (peek() != '"') {
        throw error("expected a string key");
      }
      String key = string();
      space();
      expect(':');
      out.remove(key);
      out.put(key, value());
      space();
      if (peek() == ',') {
        pos++;
      } else {
        expect('}');
        return out;
      }
    }
  }

  private List<Object> array() {
    List<Object> out = new ArrayList<>();
    pos++;
    space();
    if (peek() == ']') {
      pos++;
      return out;
    }
    while (true) {
      out.add(value());
      space();
      if (peek() == ',') {
        pos++;
      } else {
        expect(']');
        return out;
      }
    }
  }

  private String string() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = pos < text.length() ? text.charAt(pos++) : 0;
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length() || !text.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
            throw error("invalid \\u escape");
          }
          sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> throw error("invalid escape in string");
      }
    }
  }

  private Object number() {
    int start = pos;
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")
            .matcher(text)
            .region(pos, text.length());
    if (!m.lookingAt()) {
      throw error("invalid number");
    }
    pos = m.end();
    String n = text.substring(start, pos);
    if (m.group(2) == null && m.group(3) == null) {
      try {
        return Long.parseLong(n);
      } catch (NumberFormatException e) {
        // too big for a long: a float64, as Go decodes every JSON number
      }
    }
    return Double.parseDouble(n);
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("invalid literal");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void space() {
    while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("not strict JSON at offset " + pos + ": " + what);
  }
}
