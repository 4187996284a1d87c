package dev.hoist.cli;

import dev.hoist.config.ConfigLoader;
import dev.hoist.config.ProjectConfig;
import dev.hoist.lint.Lint;
import dev.hoist.lint.Rule;
import dev.hoist.lint.Rules;
import dev.hoist.lint.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hoist lint}: the rules from production over the rendered overlays. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Renders every overlay (or the ones named) and checks it against rules learned in"
          + " production: plaintext Secrets, credentials in env, untagged and unpinned images,"
          + " probes, requests, privileges, selectors that match nothing, HPAs that cannot scale"
          + " in, exposed Services in production. hoist lint --explain ID says why and how to fix.",
      "Exit codes: 0 no finding at or above --severity, 1 findings (or an overlay that does not"
          + " render), 2 usage, 3 invalid hoist.yaml."
    })
public final class LintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      defaultValue = "hoist.yaml",
      description = "The project descriptor (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--overlay", paramLabel = "NAME", description = "Lint only these overlays.")
  List<String> overlays = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "text (grouped by file), json, or sarif (SARIF 2.1.0 for code scanning).")
  String output;

  @Option(
      names = "--severity",
      defaultValue = "error",
      description = "Fail (exit 1) on findings at or above: error (default) or warning.")
  String severity;

  @Option(names = "--explain", paramLabel = "ID", description = "Explain a rule and exit.")
  String explain;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (explain != null) {
      Rule rule =
          Rules.byId(explain)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "--explain "
                              + explain
                              + ": no such rule (rules: "
                              + String.join(", ", Rules.all().stream().map(Rule::id).toList())
                              + ")"));
      out.println(rule.id() + " (" + rule.severity().label() + "): " + rule.summary());
      out.println("why: " + rule.why());
      out.println("fix: " + rule.fix());
      out.flush();
      return 0;
    }
    if (!List.of("text", "json", "sarif").contains(output)) {
      throw new ParameterException(spec.commandLine(), "-o " + output + ": text, json or sarif");
    }
    if (!List.of("error", "warning").contains(severity)) {
      throw new ParameterException(
          spec.commandLine(), "--severity " + severity + ": error or warning");
    }
    ProjectConfig project;
    try {
      project = ConfigLoader.load(config);
    } catch (dev.hoist.config.ConfigException e) {
      throw new dev.hoist.run.HoistException(dev.hoist.run.ExitCode.CONFIG, e.getMessage());
    }
    String openApi = System.getenv("HOIST_K8S_OPENAPI");
    if (openApi == null || openApi.isBlank()) {
      // never a silent pass: say what the schema check did not cover
      spec.commandLine()
          .getErr()
          .println(
              "lint: the rendered objects are validated for structure only; set"
                  + " HOIST_K8S_OPENAPI=FILE (kubectl get --raw /openapi/v2 > k8s-openapi.json) to"
                  + " check them as the API server would");
    }
    Lint.Report report =
        Lint.run(
            project,
            overlays,
            openApi == null || openApi.isBlank() ? null : java.nio.file.Path.of(openApi));
    switch (output) {
      case "json" -> out.println(Json.write(LintOutput.json(report)));
      case "sarif" -> out.println(Json.write(LintOutput.sarif(report)));
      default -> out.print(LintOutput.text(report));
    }
    out.flush();
    return report.failsAt(Severity.valueOf(severity.toUpperCase(java.util.Locale.ROOT))) ? 1 : 0;
  }
}
