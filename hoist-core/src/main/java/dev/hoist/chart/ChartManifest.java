package dev.hoist.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.MediaTypes;
import dev.hoist.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OCI manifest of a chart as {@code helm push} writes it: Helm's config and chart layer, and
 * Helm's manifest annotations (title, version, description, url, source, authors, created, then the
 * chart's own annotations, which never replace title or version).
 */
final class ChartManifest {
  static final String CREATED = "org.opencontainers.image.created";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChartManifest() {}

  static byte[] json(PackedChart packed, String created) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
    manifest.put("config", descriptor(packed.configDescriptor()));
    manifest.put("layers", java.util.List.of(descriptor(packed.layer())));
    manifest.put("annotations", annotations(packed.chart().meta(), created));
    try {
      return JSON.writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> annotations(YamlNode.Mapping meta, String created) {
    Map<String, String> out = new TreeMap<>();
    put(out, "org.opencontainers.image.description", text(meta, "description"));
    put(out, "org.opencontainers.image.title", text(meta, "name"));
    put(out, "org.opencontainers.image.version", text(meta, "version"));
    put(out, "org.opencontainers.image.url", text(meta, "home"));
    put(out, CREATED, created);
    if (meta.entries().get("sources") instanceof YamlNode.Sequence s && !s.items().isEmpty()) {
      put(
          out,
          "org.opencontainers.image.source",
          String.valueOf(ChartJson.plain(s.items().get(0))));
    }
    if (meta.entries().get("maintainers") instanceof YamlNode.Sequence s) {
      StringBuilder authors = new StringBuilder();
      for (YamlNode m : s.items()) {
        if (!(m instanceof YamlNode.Mapping mm)) {
          continue;
        }
        if (authors.length() > 0) {
          authors.append(", ");
        }
        String name = text(mm, "name");
        String email = text(mm, "email");
        authors.append(name == null ? "" : name);
        if (email != null && !email.isEmpty()) {
          authors.append(" (").append(email).append(')');
        }
      }
      put(out, "org.opencontainers.image.authors", authors.toString());
    }
    if (meta.entries().get("annotations") instanceof YamlNode.Mapping a) {
      a.entries()
          .forEach(
              (k, v) -> {
                if (!k.equals("org.opencontainers.image.title")
                    && !k.equals("org.opencontainers.image.version")
                    && v instanceof YamlNode.Scalar s) {
                  out.put(k, s.text());
                }
              });
    }
    return out;
  }

  /** The manifest without its created annotation, to compare content pushed at another time. */
  static JsonNode withoutCreated(byte[] manifest) throws IOException {
    JsonNode json = JSON.readTree(manifest);
    if (json.path("annotations") instanceof ObjectNode annotations) {
      annotations.remove(CREATED);
    }
    return json;
  }

  private static Map<String, Object> descriptor(Descriptor d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mediaType", d.mediaType());
    out.put("digest", d.digest().toString());
    out.put("size", d.size());
    return out;
  }

  private static String text(YamlNode.Mapping meta, String key) {
    return meta.entries().get(key) instanceof YamlNode.Scalar s && !s.isNull() ? s.text() : null;
  }

  private static void put(Map<String, String> out, String key, String value) {
    if (value != null && !value.isBlank()) {
      out.put(key, value);
    }
  }
}
