package dev.hoist.config;

import dev.hoist.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code charts:} of hoist.yaml: the project's own charts. The chart's name is read from its
 * Chart.yaml (only the {@code name:} line; the chart commands check the whole file).
 */
final class ChartsReader {
  private static final Pattern NAME_LINE = Pattern.compile("(?m)^name:\\s*[\"']?([^\"'\\s#]+)");
  private static final Pattern VALUE_PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

  private ChartsReader() {}

  static List<ChartConfig> read(Fields doc, Path root, List<AppConfig> apps) {
    List<ChartConfig> out = new ArrayList<>();
    List<YamlNode> nodes = doc.list("charts");
    for (int i = 0; i < nodes.size(); i++) {
      String field = "charts[" + i + "]";
      Fields f = new Fields(doc.file(), field, nodes.get(i), doc.lines());
      String path = f.required("path");
      Path dir = root.resolve(path).normalize();
      Path chartYaml = dir.resolve("Chart.yaml");
      if (!Files.isRegularFile(chartYaml)) {
        throw f.error("path", "no Chart.yaml in " + path);
      }
      String name;
      try {
        Matcher m = NAME_LINE.matcher(Files.readString(chartYaml));
        if (!m.find()) {
          throw f.error("path", path + "/Chart.yaml has no name");
        }
        name = m.group(1);
      } catch (java.io.IOException e) {
        throw f.error("path", "cannot read " + chartYaml + ": " + e.getMessage());
      }
      String repository = f.string("repository", "charts");
      if (repository.startsWith("/") || repository.endsWith("/") || repository.contains("://")) {
        throw f.error("repository", "'" + repository + "' must be a path below registry");
      }
      Map<String, ChartConfig.ImageValues> images = new LinkedHashMap<>();
      Fields imgs = f.child("images");
      if (imgs != null) {
        for (String app : imgs.keys()) {
          if (apps.stream().noneMatch(a -> a.name().equals(app))) {
            throw imgs.error(app, "unknown app '" + app + "' (not listed under apps)");
          }
          Fields img = imgs.child(app);
          String repo = valuePath(img, "repository");
          String tag = valuePath(img, "tag");
          img.finish();
          images.put(app, new ChartConfig.ImageValues(repo, tag));
        }
        imgs.finish();
      }
      f.finish();
      if (out.stream().anyMatch(c -> c.name().equals(name))) {
        throw f.error("path", "a second chart named '" + name + "'");
      }
      out.add(new ChartConfig(Path.of(path), repository, images, name, field));
    }
    return out;
  }

  private static String valuePath(Fields f, String key) {
    String value = f.required(key);
    if (!VALUE_PATH.matcher(value).matches()) {
      throw f.error(key, "'" + value + "' is not a values path (keys joined by '.')");
    }
    return value;
  }
}
