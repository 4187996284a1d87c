package dev.hoist.chart;

import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import dev.hoist.tar.TarReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** A packaged chart ({@code .tgz}) read back: its {@code <name>/Chart.yaml}. */
final class ChartArchive {
  private static final int MAX_CHART_YAML = 1 << 20;

  private ChartArchive() {}

  /** Chart.yaml of the archive, checked as a chart directory's is. */
  static ChartFile chartFile(Path tgz) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz), 64 * 1024)) {
      TarReader tar = new TarReader(in);
      for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
        String name = e.name();
        int slash = name.indexOf('/');
        if (slash > 0 && name.substring(slash + 1).equals(ChartFile.FILE) && e.type() == '0') {
          if (e.size() > MAX_CHART_YAML) {
            throw bad(tgz + ": " + name + " is larger than 1 MiB");
          }
          String text = new String(tar.content().readAllBytes(), StandardCharsets.UTF_8);
          return ChartFile.parse(tgz, text);
        }
      }
      throw bad(tgz + ": not a chart archive (no <name>/Chart.yaml inside)");
    } catch (ZipException e) {
      throw bad(tgz + ": not a gzip-compressed chart archive (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw bad(tgz + ": cannot read the chart archive: " + e.getMessage());
    }
  }

  private static HoistException bad(String message) {
    return new HoistException(ExitCode.CONFIG, message);
  }
}
