package dev.hoist.lint;

import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.kustomize.LoadRestrictor;
import dev.hoist.kustomize.Renderer;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import dev.hoist.validate.Problem;
import dev.hoist.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code hoist validate --overlays} inside {@code hoist lint}: each problem of a rendered overlay
 * is an error finding of rule {@code schema} (the API server would refuse the object). With an
 * OpenAPI document built-in kinds are checked strictly; without one, their structure.
 */
final class Schemas {
  static final String RULE = "schema";

  private Schemas() {}

  static List<Finding> check(ProjectConfig config, List<OverlayConfig> overlays, Path openApi) {
    if (openApi != null && !Files.isRegularFile(openApi)) {
      throw new HoistException(
          ExitCode.USAGE,
          "HOIST_K8S_OPENAPI: no such file: "
              + openApi
              + " (get one from a cluster: kubectl get --raw /openapi/v2 > k8s-openapi.json)");
    }
    List<Finding> out = new ArrayList<>();
    if (config.lint().disable().contains(RULE)) {
      return out;
    }
    // the OpenAPI document (tens of MB) is read once for every overlay
    dev.hoist.validate.CrdSchemas schemas = Validation.schemas(null, openApi);
    for (OverlayConfig overlay : overlays) {
      String text =
          Renderer.render(
              config.root().resolve(overlay.dir()), LoadRestrictor.LoadRestrictionsNone);
      Validation.Result result =
          Validation.runTexts(Map.of("overlay " + overlay.name(), text), schemas);
      for (Problem p : result.problems()) {
        out.add(
            new Finding(
                RULE,
                Severity.ERROR,
                overlay.name(),
                "overlay " + overlay.name() + " (rendered)",
                p.line(),
                p.object(),
                (p.path().isEmpty() ? "" : p.path() + ": ") + p.message()));
      }
    }
    return out;
  }
}
