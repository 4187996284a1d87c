package dev.hoist.chart;

import java.nio.file.Path;

/**
 * Packs a chart in a JVM of its own (the reproducibility test runs it with another umask and TZ).
 */
public final class PackMain {
  private PackMain() {}

  public static void main(String[] args) throws Exception {
    new ChartPackager().pack(Path.of(args[0]), null, null, Path.of(args[1]));
  }
}
