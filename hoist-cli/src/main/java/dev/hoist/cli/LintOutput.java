package dev.hoist.cli;

import dev.hoist.lint.Finding;
import dev.hoist.lint.Lint;
import dev.hoist.lint.Rule;
import dev.hoist.lint.Rules;
import dev.hoist.lint.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code hoist lint}'s three outputs: text grouped by file, JSON, and SARIF 2.1.0. */
final class LintOutput {
  private LintOutput() {}

  static String text(Lint.Report report) {
    Map<String, List<Finding>> byFile = new TreeMap<>();
    report.findings().forEach(f -> byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f));
    StringBuilder out = new StringBuilder();
    byFile.forEach(
        (file, findings) -> {
          out.append(file.isEmpty() ? "(generated)" : file).append('\n');
          for (Finding f : findings) {
            out.append("  ")
                .append(f.line())
                .append(": ")
                .append(f.severity().label())
                .append(' ')
                .append(f.rule())
                .append(": ")
                .append(f.object())
                .append(": ")
                .append(f.message())
                .append(" [overlay ")
                .append(f.overlay())
                .append("]\n");
          }
        });
    long errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
    out.append(errors)
        .append(" error(s), ")
        .append(report.findings().size() - errors)
        .append(" warning(s)\n");
    return out.toString();
  }

  static Map<String, Object> json(Lint.Report report) {
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Finding f : report.findings()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", f.rule());
      m.put("severity", f.severity().label());
      m.put("overlay", f.overlay());
      m.put("file", f.file());
      m.put("line", f.line());
      m.put("object", f.object());
      m.put("message", f.message());
      findings.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("findings", findings);
    return out;
  }

  static Map<String, Object> sarif(Lint.Report report) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Rule r : Rules.all()) {
      rules.add(
          map(
              "id", r.id(),
              "shortDescription", map("text", r.summary()),
              "fullDescription", map("text", r.why()),
              "help", map("text", r.fix()),
              "defaultConfiguration", map("level", r.severity().label())));
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (Finding f : report.findings()) {
      Map<String, Object> physical = new LinkedHashMap<>();
      physical.put("artifactLocation", map("uri", f.file().isEmpty() ? "hoist.yaml" : f.file()));
      if (f.line() > 0) {
        physical.put("region", map("startLine", f.line()));
      }
      results.add(
          map(
              "ruleId", f.rule(),
              "level", f.severity().label(),
              "message",
                  map("text", f.object() + ": " + f.message() + " [overlay " + f.overlay() + "]"),
              "locations", List.of(map("physicalLocation", physical))));
    }
    Map<String, Object> driver =
        map(
            "name",
            "hoist",
            "informationUri",
            "https://github.com/hoist-dev/hoist",
            "rules",
            rules);
    return map(
        "$schema", "https://json.schemastore.org/sarif-2.1.0.json",
        "version", "2.1.0",
        "runs", List.of(map("tool", map("driver", driver), "results", results)));
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
