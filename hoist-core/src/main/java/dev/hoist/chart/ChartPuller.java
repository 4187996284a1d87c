package dev.hoist.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Pulls a chart pushed by {@code helm push} (or hoist): the manifest must hold Helm's config and
 * exactly one chart layer; the layer is checked against its digest and size while it is written to
 * {@code <name>-<version>.tgz} (temp file + rename).
 */
public final class ChartPuller {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What was pulled: the archive written and the manifest digest. */
  public record Pulled(String name, String version, Path file, String digest) {}

  public Pulled pull(Repository repo, String name, String version, Path outputDir, boolean verify)
      throws IOException {
    Repository.Manifest manifest = repo.fetchManifest(ChartFile.tag(version));
    JsonNode json = JSON.readTree(manifest.content());
    String configType = json.path("config").path("mediaType").asText();
    JsonNode layers = json.path("layers");
    Descriptor layer = null;
    for (JsonNode l : layers) {
      if (l.path("mediaType").asText().equals(PackedChart.LAYER_MEDIA_TYPE)) {
        if (layer != null) {
          throw notAChart(repo, version, "more than one chart layer");
        }
        layer =
            new Descriptor(
                PackedChart.LAYER_MEDIA_TYPE,
                Digest.parse(l.path("digest").asText()),
                l.path("size").asLong());
      }
    }
    if (!configType.equals(PackedChart.CONFIG_MEDIA_TYPE) || layer == null) {
      throw notAChart(
          repo,
          version,
          "config " + configType + ", no " + PackedChart.LAYER_MEDIA_TYPE + " layer");
    }
    Files.createDirectories(outputDir);
    Path target = outputDir.resolve(name + "-" + version + ".tgz");
    Path temp = Files.createTempFile(outputDir, "." + name + "-", ".tgz.tmp");
    try {
      try (InputStream in = repo.fetchBlob(layer)) {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      if (verify) {
        ChartFile inside = ChartArchive.chartFile(temp);
        if (!inside.name().equals(name) || !inside.version().equals(version)) {
          throw new HoistException(
              ExitCode.FAILURE,
              repo.name()
                  + ":"
                  + ChartFile.tag(version)
                  + ": --verify: the archive's Chart.yaml is "
                  + inside.name()
                  + " "
                  + inside.version()
                  + ", expected "
                  + name
                  + " "
                  + version);
        }
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return new Pulled(name, version, target, manifest.digest().toString());
  }

  private static HoistException notAChart(Repository repo, String version, String why) {
    return new HoistException(
        ExitCode.FAILURE,
        repo.name() + ":" + ChartFile.tag(version) + " is not a Helm chart (" + why + ")");
  }
}
