package dev.hoist.manifests;

import dev.hoist.config.ConfigLoader;
import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.kustomize.LoadRestrictor;
import dev.hoist.kustomize.Rendered;
import dev.hoist.kustomize.Renderer;
import dev.hoist.validate.CrdSchemas;
import dev.hoist.validate.Problem;
import dev.hoist.validate.Sources;
import dev.hoist.validate.Validation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code hoist validate --overlays}: every overlay of hoist.yaml rendered and validated, each
 * problem placed at the source file and line that wrote the field.
 */
public final class ValidateOverlays {
  private ValidateOverlays() {}

  public static Validation.Result run(Path hoistYaml, CrdSchemas schemas) {
    ProjectConfig project = ConfigLoader.load(hoistYaml);
    List<Problem> problems = new ArrayList<>();
    int objects = 0;
    boolean missing = false;
    for (OverlayConfig overlay : project.overlays()) {
      String name = "overlay " + overlay.name();
      Rendered rendered =
          Renderer.renderObjects(
              project.root().resolve(overlay.dir()), LoadRestrictor.LoadRestrictionsNone);
      Validation.Result one = Validation.runTexts(Map.of(name, rendered.yaml()), schemas);
      Sources sources = new Sources(rendered.objects(), rendered.yaml(), name, project.root());
      one.problems().forEach(p -> problems.add(sources.place(p)));
      objects += one.objects();
      missing |= one.missingCrds();
    }
    return new Validation.Result(
        project.overlays().size(), objects, schemas.size(), problems, missing);
  }
}
