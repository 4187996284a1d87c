package dev.hoist.oci;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** The distribution spec's {@code {"errors":[{"code","message","detail"}]}} body, as one line. */
final class ErrorBody {

  private ErrorBody() {}

  record Parsed(String code, String text) {}

  /**
   * The first error's code and "CODE: message" text; the raw (trimmed) body when it is not that
   * JSON.
   */
  static Parsed parse(byte[] body) {
    try {
      JsonNode errors = OciJson.MAPPER.readTree(body).path("errors");
      if (errors.isArray() && errors.size() > 0) {
        StringBuilder text = new StringBuilder();
        for (JsonNode e : errors) {
          if (text.length() > 0) {
            text.append("; ");
          }
          text.append(e.path("code").asText("UNKNOWN"));
          String message = e.path("message").asText("");
          if (!message.isEmpty()) {
            text.append(": ").append(message);
          }
        }
        return new Parsed(errors.get(0).path("code").asText(""), oneLine(text.toString()));
      }
    } catch (Exception ignored) {
      // not JSON: fall through to the raw text
    }
    return new Parsed("", oneLine(new String(body, StandardCharsets.UTF_8)));
  }

  static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").trim();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
