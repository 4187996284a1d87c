package dev.hoist.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small charts written by tests. */
final class TestCharts {
  private TestCharts() {}

  static Path write(Path dir, String name, String version) throws IOException {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(
        dir.resolve("Chart.yaml"),
        "apiVersion: v2\nname: " + name + "\nversion: " + version + "\ndescription: a test\n");
    Files.writeString(dir.resolve("values.yaml"), "image:\n  repository: r/app\n  tag: \"1\"\n");
    Files.writeString(
        dir.resolve("templates/cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\n"
            + "data:\n  image: {{ .Values.image.repository }}:{{ .Values.image.tag }}\n");
    return dir;
  }
}
