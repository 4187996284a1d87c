package dev.hoist.chart;

import dev.hoist.oci.Descriptor;
import java.nio.file.Path;
import java.util.List;

/**
 * A packaged chart: the {@code .tgz} (Helm's chart archive), its descriptor as an OCI layer, the
 * config blob (Chart.yaml as JSON) and the warnings packing gave.
 */
@SuppressWarnings("ArrayRecordComponent") // carries bytes; never compared or hashed
public record PackedChart(
    ChartFile chart, Path file, Descriptor layer, byte[] config, List<String> warnings) {
  public static final String CONFIG_MEDIA_TYPE = "application/vnd.cncf.helm.config.v1+json";
  public static final String LAYER_MEDIA_TYPE =
      "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

  public String name() {
    return chart.name();
  }

  public String version() {
    return chart.version();
  }

  public Descriptor configDescriptor() {
    return Descriptor.of(CONFIG_MEDIA_TYPE, config);
  }
}
