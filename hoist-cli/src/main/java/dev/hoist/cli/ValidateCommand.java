package dev.hoist.cli;

import dev.hoist.api.Hoist;
import dev.hoist.api.ValidateOptions;
import dev.hoist.api.ValidationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hoist validate}: parses, delegates to {@link dev.hoist.api.HoistProject#validate}, prints.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks Kubernetes objects offline: apiVersion, kind, metadata (DNS-1123 names, namespaces), and objects "
          + "of the given CRDs (the Flux CRDs) against the served version's openAPIV3Schema, strictly: a field "
          + "the schema does not define is an error.",
      "Exit codes: 0 valid, 1 problems found, 2 usage (a missing path, unusable --crds, or Flux objects but "
          + "no --crds)."
    })
public final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "Files or directories of YAML (default: flux).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--crds",
      paramLabel = "DIR|FILE",
      description =
          "CRDs: a directory of CRD files, or a file "
              + "such as the output of kubectl get crd -o yaml (default: $HOIST_CRDS).")
  Path crds;

  @Option(
      names = "--k8s-openapi",
      paramLabel = "FILE",
      description =
          "A Kubernetes OpenAPI v2 document (kubectl get --raw /openapi/v2 > swagger.json): built-in"
              + " kinds are checked against it strictly (default: $HOIST_K8S_OPENAPI).")
  Path openApi;

  @Option(
      names = "--overlays",
      description =
          "Validate hoist.yaml's overlays, rendered, instead of PATHs (needs --k8s-openapi).")
  boolean overlays;

  @Option(
      names = "--config",
      defaultValue = "hoist.yaml",
      description = "The project descriptor, for --overlays (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "Output format: text or json.")
  OutputFormat output;

  @Override
  public Integer call() {
    if (crds == null
        && System.getenv("HOIST_CRDS") != null
        && !System.getenv("HOIST_CRDS").isBlank()) {
      crds = Path.of(System.getenv("HOIST_CRDS"));
    }
    String env = System.getenv("HOIST_K8S_OPENAPI");
    if (openApi == null && env != null && !env.isBlank()) {
      openApi = Path.of(env);
    }
    if (overlays && openApi == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--overlays needs the Kubernetes OpenAPI document: --k8s-openapi FILE or"
              + " HOIST_K8S_OPENAPI (get it from a cluster: kubectl get --raw /openapi/v2 >"
              + " swagger.json)");
    }
    if (overlays && !paths.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "give PATHs or --overlays, not both");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // a path or --crds that is not there or not CRDs: a HoistFailure with exit code 2
    ValidationResult result =
        Hoist.project(Path.of(""))
            .config(config)
            .validate(new ValidateOptions(paths, crds, openApi, overlays));
    if (output == OutputFormat.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("valid", result.ok());
      json.put("files", result.files());
      json.put("objects", result.objects());
      json.put("missingCrds", result.missingCrds());
      json.put(
          "problems",
          result.problems().stream()
              .map(
                  p -> {
                    Map<String, Object> problem = new LinkedHashMap<>();
                    problem.put("file", p.file());
                    problem.put("line", p.line());
                    problem.put("object", p.object());
                    problem.put("path", p.path());
                    problem.put("message", p.message());
                    return problem;
                  })
              .toList());
      out.println(Json.write(json));
    } else {
      result.problems().forEach(p -> out.println(p));
      err.println(
          result.files()
              + " files, "
              + result.objects()
              + " objects, "
              + result.problems().size()
              + " problems"
              + (crds == null ? " (no CRDs given)" : ""));
    }
    out.flush();
    if (result.missingCrds()) {
      err.println("hoist: error: " + ValidationResult.NO_CRDS);
      err.flush();
      return 2;
    }
    return result.problems().isEmpty() ? 0 : 1;
  }
}
