package dev.hoist.chart;

import dev.hoist.yaml.SafeYaml;
import dev.hoist.yaml.YamlException;
import dev.hoist.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * hoist's own chart checks, beside Helm's linter: on the chart's sources (images not taken from
 * values, Secrets with literal values in a template or in values.yaml) and on what it renders (hook
 * Jobs without {@code helm.sh/hook-delete-policy}, workloads without probes or resource requests).
 */
final class ChartChecks {
  private static final Pattern IMAGE_LINE = Pattern.compile("^\\s*(?:-\\s+)?image:\\s*(\\S.*)$");
  private static final Pattern KIND_SECRET = Pattern.compile("(?m)^kind:\\s*Secret\\s*$");
  private static final Pattern DATA_KEY = Pattern.compile("^(\\s*)(data|stringData):\\s*$");
  private static final Pattern ENTRY = Pattern.compile("^(\\s+)[^\\s#:][^:]*:\\s*(\\S.*)?$");
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|passwd|secret|token|apikey|api_key|privatekey).*");
  private static final Pattern DOCUMENT = Pattern.compile("(?m)^---\\s*$");
  private static final Pattern NEWLINE = Pattern.compile("\n");
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");

  private ChartChecks() {}

  /** Checks of the chart's files: templates and values.yaml. */
  static List<Finding> sources(Path chartDir) throws IOException {
    List<Finding> out = new ArrayList<>();
    Path templates = chartDir.resolve("templates");
    if (Files.isDirectory(templates)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(templates)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".tpl")) {
          template(chartDir.relativize(file).toString(), Files.readString(file), out);
        }
      }
    }
    Path values = chartDir.resolve("values.yaml");
    if (Files.isRegularFile(values)) {
      values(Files.readString(values, StandardCharsets.UTF_8), out);
    }
    return out;
  }

  private static void template(String file, String text, List<Finding> out) {
    String[] lines = NEWLINE.split(text, -1);
    boolean secret = KIND_SECRET.matcher(text).find();
    int dataIndent = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher image = IMAGE_LINE.matcher(line);
      if (image.matches() && !image.group(1).contains("{{")) {
        out.add(
            new Finding(
                file,
                i + 1,
                "chart-image-from-values",
                "image "
                    + image.group(1).strip()
                    + " is written in the template: take it from values (image.repository,"
                    + " image.tag) so hoist can pin what it built",
                true));
      }
      if (!secret) {
        continue;
      }
      Matcher data = DATA_KEY.matcher(line);
      if (data.matches()) {
        dataIndent = data.group(1).length();
        continue;
      }
      if (dataIndent >= 0) {
        Matcher entry = ENTRY.matcher(line);
        if (entry.matches() && entry.group(1).length() > dataIndent) {
          String value = entry.group(2);
          if (value != null && !value.contains("{{") && !value.equals("|") && !value.equals(">")) {
            out.add(literalSecret(file, i + 1));
          }
        } else if (!line.isBlank() && !line.strip().startsWith("{{")) {
          dataIndent = -1;
        }
      }
    }
  }

  private static Finding literalSecret(String file, int line) {
    return new Finding(
        file,
        line,
        "chart-literal-secret",
        "a Secret value is written in the chart: credentials belong outside it (an existing"
            + " Secret, an ExternalSecret, or SOPS)",
        true);
  }

  private static void values(String text, List<Finding> out) {
    YamlNode root;
    try {
      root = SafeYaml.parse(text, "values.yaml");
    } catch (YamlException e) {
      out.add(new Finding("values.yaml", 0, "chart-values", e.getMessage(), true));
      return;
    }
    walkValues(root, out);
  }

  private static void walkValues(YamlNode node, List<Finding> out) {
    if (node instanceof YamlNode.Mapping m) {
      m.entries()
          .forEach(
              (k, v) -> {
                if (SECRET_NAME.matcher(k).matches()
                    && v instanceof YamlNode.Scalar s
                    && !s.isNull()
                    && !s.text().isEmpty()) {
                  out.add(literalSecret("values.yaml", m.keyLines().getOrDefault(k, 0)));
                } else {
                  walkValues(v, out);
                }
              });
    } else if (node instanceof YamlNode.Sequence s) {
      s.items().forEach(i -> walkValues(i, out));
    }
  }

  /** Checks of what the chart renders ({@code helm template} output, hooks included). */
  static List<Finding> rendered(String stream) {
    List<Finding> out = new ArrayList<>();
    for (String doc : DOCUMENT.split(stream, -1)) {
      String source = "rendered";
      Matcher m = Pattern.compile("(?m)^# Source: (.*)$").matcher(doc);
      if (m.find()) {
        source = m.group(1).strip();
      }
      YamlNode node;
      try {
        node = SafeYaml.parse(doc, source);
      } catch (YamlException e) {
        out.add(new Finding(source, 0, "chart-render", e.getMessage(), true));
        continue;
      }
      if (node instanceof YamlNode.Mapping object) {
        object(source, object, out);
      }
    }
    return out;
  }

  private static void object(String source, YamlNode.Mapping object, List<Finding> out) {
    String kind = text(object, "kind");
    YamlNode.Mapping meta = map(object, "metadata");
    YamlNode.Mapping annotations = meta == null ? null : map(meta, "annotations");
    if ("Job".equals(kind)
        && annotations != null
        && annotations.entries().containsKey("helm.sh/hook")
        && !annotations.entries().containsKey("helm.sh/hook-delete-policy")) {
      out.add(
          new Finding(
              source,
              object.line(),
              "chart-hook-delete-policy",
              "hook Job without helm.sh/hook-delete-policy: the next upgrade fails on the Job"
                  + " left behind (add before-hook-creation,hook-succeeded)",
              true));
    }
    if (kind == null || !WORKLOADS.contains(kind)) {
      return;
    }
    YamlNode.Mapping pod = map(map(map(object, "spec"), "template"), "spec");
    if (pod == null || !(pod.entries().get("containers") instanceof YamlNode.Sequence cs)) {
      return;
    }
    for (YamlNode c : cs.items()) {
      if (!(c instanceof YamlNode.Mapping container)) {
        continue;
      }
      String name = kind + "/" + text(meta, "name") + " container " + text(container, "name");
      if (!container.entries().containsKey("readinessProbe")
          && !container.entries().containsKey("livenessProbe")) {
        out.add(
            new Finding(
                source,
                container.line(),
                "chart-probes",
                name + " has no readinessProbe or livenessProbe",
                true));
      }
      YamlNode.Mapping requests = map(map(container, "resources"), "requests");
      if (requests == null || requests.entries().isEmpty()) {
        out.add(
            new Finding(
                source,
                container.line(),
                "chart-resource-requests",
                name + " has no resources.requests (the scheduler and HPAs need them)",
                true));
      }
    }
  }

  private static YamlNode.Mapping map(YamlNode.Mapping m, String key) {
    return m != null && m.entries().get(key) instanceof YamlNode.Mapping v ? v : null;
  }

  private static String text(YamlNode.Mapping m, String key) {
    return m != null && m.entries().get(key) instanceof YamlNode.Scalar s ? s.text() : null;
  }
}
