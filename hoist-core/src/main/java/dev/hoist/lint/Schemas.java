package dev.hoist.lint;

import dev.hoist.config.ProjectConfig;
import dev.hoist.kustomize.Rendered;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import dev.hoist.validate.CrdSchemas;
import dev.hoist.validate.Problem;
import dev.hoist.validate.Sources;
import dev.hoist.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code hoist validate --overlays} inside {@code hoist lint}: each problem of a rendered overlay
 * is an error finding of rule {@code schema} (the API server would refuse the object), placed at
 * the source file and line that produced the field (kustomize's origin of each value), else at the
 * rendered stream. With an OpenAPI document built-in kinds are checked strictly; without one, their
 * structure.
 */
final class Schemas {
  static final String RULE = "schema";

  private final ProjectConfig config;
  private final CrdSchemas schemas;

  private Schemas(ProjectConfig config, CrdSchemas schemas) {
    this.config = config;
    this.schemas = schemas;
  }

  /** The schemas of {@code openApi} (read once, tens of MB), or the structural checks only. */
  static Schemas load(ProjectConfig config, Path openApi) {
    if (openApi != null && !Files.isRegularFile(openApi)) {
      throw new HoistException(
          ExitCode.USAGE,
          "HOIST_K8S_OPENAPI: no such file: "
              + openApi
              + " (get one from a cluster: kubectl get --raw /openapi/v2 > k8s-openapi.json)");
    }
    return new Schemas(config, Validation.schemas(null, openApi));
  }

  List<Finding> check(LintedOverlay overlay, Rendered rendered) {
    List<Finding> out = new ArrayList<>();
    if (config.lint().disable().contains(RULE)) {
      return out;
    }
    String name = "overlay " + overlay.name() + " (rendered)";
    Validation.Result result = Validation.runTexts(Map.of(name, rendered.yaml()), schemas);
    Sources sources = new Sources(rendered.objects(), rendered.yaml(), name, overlay.root());
    for (Problem problem : result.problems()) {
      Problem p = sources.place(problem);
      out.add(
          new Finding(
              RULE,
              Severity.ERROR,
              overlay.name(),
              p.file(),
              p.line(),
              p.object(),
              (p.path().isEmpty() ? "" : p.path() + ": ") + p.message()));
    }
    return out;
  }
}
