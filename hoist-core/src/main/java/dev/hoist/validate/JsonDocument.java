package dev.hoist.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hoist.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON file read with Jackson's streaming parser into {@link YamlNode}s (strings quoted, other
 * scalars plain, each node with its line): a Kubernetes OpenAPI document of tens of MB in a few
 * hundred milliseconds, where a YAML parser takes seconds.
 */
final class JsonDocument {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonDocument() {}

  static YamlNode read(Path file) throws IOException {
    try (JsonParser parser = FACTORY.createParser(Files.newInputStream(file))) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IOException("empty");
      }
      return value(parser, first);
    }
  }

  private static YamlNode value(JsonParser p, JsonToken token) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    switch (token) {
      case START_OBJECT -> {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String key = p.currentName();
          lines.put(key, p.currentTokenLocation().getLineNr());
          entries.put(key, value(p, p.nextToken()));
        }
        return new YamlNode.Mapping(entries, lines, line);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          items.add(value(p, t));
        }
        return new YamlNode.Sequence(items, line);
      }
      case VALUE_STRING -> {
        return new YamlNode.Scalar(p.getText(), false, line);
      }
      case VALUE_NULL -> {
        return new YamlNode.Scalar("null", true, line);
      }
      default -> {
        return new YamlNode.Scalar(p.getText(), true, line);
      }
    }
  }
}
