package dev.hoist.artifact;

import dev.hoist.oci.Descriptor;
import dev.hoist.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OCI image manifest of a Flux artifact, written with a fixed key order (schemaVersion,
 * mediaType, config, layers, annotations; descriptors as mediaType, digest, size; annotations
 * sorted by key) and no whitespace, so the same inputs give the same digest everywhere.
 */
public final class ArtifactManifest {
  private ArtifactManifest() {}

  /** The config blob: {@code {}}. */
  public static byte[] configJson() {
    return "{}".getBytes(StandardCharsets.UTF_8);
  }

  /** The config descriptor for {@link #configJson()}. */
  public static Descriptor configDescriptor() {
    return Descriptor.of(MediaTypes.FLUX_CONFIG, configJson());
  }

  public static byte[] json(Descriptor config, Descriptor layer, ArtifactMetadata meta) {
    StringBuilder out = new StringBuilder(1024);
    out.append("{\"schemaVersion\":2,\"mediaType\":");
    JsonText.string(out, MediaTypes.OCI_MANIFEST);
    out.append(",\"config\":");
    descriptor(out, config);
    out.append(",\"layers\":[");
    descriptor(out, layer);
    out.append("],\"annotations\":");
    map(out, meta.manifestAnnotations());
    out.append('}');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void descriptor(StringBuilder out, Descriptor d) {
    out.append("{\"mediaType\":");
    JsonText.string(out, d.mediaType());
    out.append(",\"digest\":");
    JsonText.string(out, d.digest().toString());
    out.append(",\"size\":").append(d.size());
    if (!d.annotations().isEmpty()) {
      out.append(",\"annotations\":");
      map(out, d.annotations());
    }
    out.append('}');
  }

  private static void map(StringBuilder out, Map<String, String> values) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      JsonText.string(out, e.getKey());
      out.append(':');
      JsonText.string(out, e.getValue());
    }
    out.append('}');
  }
}
