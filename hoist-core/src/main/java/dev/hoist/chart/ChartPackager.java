package dev.hoist.chart;

import dev.hoist.artifact.GzipWriter;
import dev.hoist.artifact.TarWriter;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Packs a chart directory into Helm's chart archive, reproducibly: the same directory gives the
 * same bytes on any machine. Every entry is {@code <name>/<path>}, Chart.yaml first and the other
 * files in byte order of their paths, mode 0644, owner 0:0, time 0, no directory entries, gzip with
 * a fixed header. {@code .helmignore} is honoured; {@code .env} and {@code .env.*} are left out
 * with a warning; a symbolic link is refused (Helm would follow it out of the chart).
 */
public final class ChartPackager {
  private static final Pattern VERSION_LINE = Pattern.compile("(?m)^version:[^\\n]*$");
  private static final Pattern APP_VERSION_LINE = Pattern.compile("(?m)^appVersion:[^\\n]*$");

  /**
   * Packs {@code dir} into {@code outputDir/<name>-<version>.tgz} (temp file + rename); {@code
   * version}/{@code appVersion} (may be null) replace Chart.yaml's in the package only.
   */
  public PackedChart pack(Path dir, String version, String appVersion, Path outputDir)
      throws IOException {
    ChartFile chart = withVersions(ChartFile.load(dir), version, appVersion);
    List<String> warnings = new ArrayList<>();
    TreeMap<String, Path> files = files(dir, HelmIgnore.read(dir), warnings);
    Files.createDirectories(outputDir);
    Path output = outputDir.resolve(chart.name() + "-" + chart.version() + ".tgz");
    Path temp = Files.createTempFile(outputDir, "." + chart.name() + "-", ".tgz.tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp);
          GzipWriter gzip = new GzipWriter(out)) {
        TarWriter tar = new TarWriter(gzip);
        byte[] chartYaml = chart.text().getBytes(StandardCharsets.UTF_8);
        tar.file(
            chart.name() + "/" + ChartFile.FILE,
            0644,
            chartYaml.length,
            new ByteArrayInputStream(chartYaml));
        for (var e : files.entrySet()) {
          try (InputStream in = Files.newInputStream(e.getValue())) {
            tar.file(chart.name() + "/" + e.getKey(), 0644, Files.size(e.getValue()), in);
          }
        }
        tar.finish();
        gzip.finish();
      }
      Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    Descriptor layer =
        new Descriptor(PackedChart.LAYER_MEDIA_TYPE, Digest.sha256(output), Files.size(output));
    return new PackedChart(chart, output, layer, ChartJson.config(chart.meta()), warnings);
  }

  /** Chart.yaml with {@code version}/{@code appVersion} set (only those lines change). */
  static ChartFile withVersions(ChartFile chart, String version, String appVersion) {
    String text = chart.text();
    if (version != null) {
      ChartFile.checkVersion(version, "--version");
      text =
          VERSION_LINE.matcher(text).replaceFirst(Matcher.quoteReplacement("version: " + version));
    }
    if (appVersion != null) {
      String line =
          "appVersion: \"" + appVersion.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      Matcher m = APP_VERSION_LINE.matcher(text);
      text =
          m.find()
              ? m.replaceFirst(Matcher.quoteReplacement(line))
              : text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + line + "\n";
    }
    return version == null && appVersion == null ? chart : ChartFile.parse(chart.dir(), text);
  }

  /** The files to pack, by path below the chart (Chart.yaml aside). */
  private static TreeMap<String, Path> files(Path dir, HelmIgnore ignore, List<String> warnings)
      throws IOException {
    TreeMap<String, Path> files = new TreeMap<>();
    walk(dir, "", ignore, warnings, files);
    return files;
  }

  private static void walk(
      Path dir, String prefix, HelmIgnore ignore, List<String> warnings, TreeMap<String, Path> out)
      throws IOException {
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.sorted().toList();
    }
    for (Path child : children) {
      String name = child.getFileName().toString();
      String rel = prefix + name;
      if (Files.isSymbolicLink(child)) {
        throw new HoistException(
            ExitCode.CONFIG,
            child + ": a symbolic link in a chart (hoist packs files only; copy the file instead)");
      }
      boolean isDir = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
      if (ignore.ignored(rel, isDir) || (prefix.isEmpty() && name.equals(ChartFile.FILE))) {
        continue;
      }
      if (isDir) {
        walk(child, rel + "/", ignore, warnings, out);
      } else if (name.equals(".env") || name.startsWith(".env.")) {
        warnings.add("left out of the chart: " + child + " (.env files never ship)");
      } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
        out.put(rel, child);
      }
    }
  }
}
