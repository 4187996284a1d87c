package dev.hoist.chart;

import dev.hoist.git.Semver;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import dev.hoist.yaml.SafeYaml;
import dev.hoist.yaml.YamlException;
import dev.hoist.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A chart directory's {@code Chart.yaml}, read and checked: {@code apiVersion: v2}, a name that can
 * be an OCI repository name, a strict SemVer 2.0 version.
 *
 * @param dir the chart directory
 * @param text Chart.yaml as written
 * @param meta Chart.yaml parsed
 */
public record ChartFile(
    Path dir, String name, String version, String appVersion, String text, YamlNode.Mapping meta) {
  public static final String FILE = "Chart.yaml";
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

  /**
   * Reads {@code dir/Chart.yaml}; a missing or invalid file is a one-line {@link HoistException}
   * (exit 3) naming file and field.
   */
  public static ChartFile load(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isDirectory(dir)) {
      throw bad(dir + ": not a chart directory (no such directory)");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw bad(file + ": not found (a chart directory holds Chart.yaml)");
    } catch (MalformedInputException e) {
      throw bad(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw bad(file + ": cannot read: " + e.getMessage());
    }
    return parse(dir, text);
  }

  /** Checks Chart.yaml's text as found in {@code dir}. */
  public static ChartFile parse(Path dir, String text) {
    Path file = dir.resolve(FILE);
    YamlNode root;
    try {
      root = SafeYaml.parse(text, file.toString());
    } catch (YamlException e) {
      throw bad(e.getMessage());
    }
    if (!(root instanceof YamlNode.Mapping meta)) {
      throw bad(file + ":" + root.line() + ": not a mapping");
    }
    String apiVersion = scalar(file, meta, "apiVersion");
    if (!"v2".equals(apiVersion)) {
      throw bad(
          where(file, meta, "apiVersion")
              + ": "
              + (apiVersion == null ? "required" : "'" + apiVersion + "' is not supported")
              + " (hoist takes Helm 3 charts: apiVersion: v2)");
    }
    String name = scalar(file, meta, "name");
    if (name == null || !NAME.matcher(name).matches()) {
      throw bad(
          where(file, meta, "name")
              + ": "
              + (name == null
                  ? "required"
                  : "'"
                      + name
                      + "' is not a chart name (lower-case letters, digits, '.', '_', '-')"));
    }
    String version = scalar(file, meta, "version");
    if (version == null) {
      throw bad(where(file, meta, "version") + ": required");
    }
    checkVersion(version, where(file, meta, "version"));
    return new ChartFile(dir, name, version, scalar(file, meta, "appVersion"), text, meta);
  }

  /** Refuses a chart version that is not strict SemVer 2.0 (exit 3), naming {@code where}. */
  static void checkVersion(String version, String where) {
    try {
      Semver.parse(version);
    } catch (IllegalArgumentException e) {
      throw bad(
          where
              + ": '"
              + version
              + "' is not a SemVer 2.0 version (MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], no 'v')");
    }
  }

  /** The OCI tag of a version: {@code +} written as {@code _}, as Helm does. */
  public static String tag(String version) {
    return version.replace('+', '_');
  }

  public String tag() {
    return tag(version);
  }

  private static String scalar(Path file, YamlNode.Mapping meta, String key) {
    YamlNode node = meta.entries().get(key);
    if (node == null || (node instanceof YamlNode.Scalar s && s.isNull())) {
      return null;
    }
    if (!(node instanceof YamlNode.Scalar s)) {
      throw bad(where(file, meta, key) + ": must be a string, not " + YamlNode.describe(node));
    }
    return s.text();
  }

  private static String where(Path file, YamlNode.Mapping meta, String key) {
    Integer line = meta.keyLines().get(key);
    return file + (line == null ? "" : ":" + line) + ": " + key;
  }

  private static HoistException bad(String message) {
    return new HoistException(ExitCode.CONFIG, message);
  }
}
