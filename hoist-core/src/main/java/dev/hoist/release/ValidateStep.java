package dev.hoist.release;

import dev.hoist.kustomize.Rendered;
import dev.hoist.run.ExitCode;
import dev.hoist.run.Progress;
import dev.hoist.validate.Problem;
import dev.hoist.validate.Sources;
import dev.hoist.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Before anything is pushed: every staged overlay, rendered as it will be applied, checked as
 * {@code hoist validate --overlays} checks it. With an OpenAPI document (the request's, from {@code
 * HOIST_K8S_OPENAPI} at the front ends) built-in kinds are checked as the API server would; without
 * one only the objects' structure is, which the release says. A problem stops the release ({@code
 * --no-lint} does not: the cluster would refuse the object).
 */
final class ValidateStep {
  private ValidateStep() {}

  /**
   * Validates the rendered staged overlays, against the OpenAPI document {@code openApi} when not
   * null.
   */
  static void run(
      Path openApi, List<RenderStagedStep.StagedOverlay> overlays, Path staged, Progress progress) {
    if (openApi != null && !Files.isRegularFile(openApi)) {
      throw new ReleaseException(
          ExitCode.USAGE,
          "HOIST_K8S_OPENAPI: no such file: "
              + openApi
              + " (get one from a cluster: kubectl get --raw /openapi/v2 > k8s-openapi.json)");
    }
    dev.hoist.validate.CrdSchemas schemas = Validation.schemas(null, openApi);
    List<Problem> problems = new ArrayList<>();
    int objects = 0;
    for (RenderStagedStep.StagedOverlay overlay : overlays) {
      String name = "overlay " + overlay.overlay().name();
      Rendered rendered = overlay.rendered();
      Validation.Result result = Validation.runTexts(Map.of(name, rendered.yaml()), schemas);
      objects += result.objects();
      // placed at the source file and line that wrote the field (in the staged tree)
      Sources sources = new Sources(rendered.objects(), rendered.yaml(), name, staged);
      result.problems().forEach(p -> problems.add(sources.place(p)));
    }
    if (!problems.isEmpty()) {
      Problem first = problems.get(0);
      throw new ReleaseException(
          ExitCode.FAILURE,
          "validate: "
              + problems.size()
              + " problem(s) in the rendered overlays, first: "
              + first
              + "; nothing was pushed (hoist validate --overlays lists them)");
    }
    progress.say(
        openApi == null
            ? "validate: "
                + objects
                + " object(s): structure only, no Kubernetes OpenAPI document (set"
                + " HOIST_K8S_OPENAPI=FILE to check them as the API server would)"
            : "validate: " + objects + " object(s) valid against " + openApi.getFileName());
  }
}
