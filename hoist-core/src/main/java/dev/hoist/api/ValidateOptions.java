package dev.hoist.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What to validate (the arguments of {@code hoist validate}).
 *
 * @param paths files or directories of YAML, relative to the project; empty for {@code flux}
 * @param crds a directory or file of CRDs (such as Flux's); null for none
 * @param openApi a Kubernetes OpenAPI v2 document: built-in kinds are checked against it; null for
 *     none
 * @param overlays validate hoist.yaml's overlays, rendered, instead of {@code paths}
 */
public record ValidateOptions(List<Path> paths, Path crds, Path openApi, boolean overlays) {
  public ValidateOptions {
    paths = List.copyOf(paths);
  }

  public ValidateOptions(List<Path> paths, Path crds) {
    this(paths, crds, null, false);
  }

  /** {@code flux/}, without CRDs. */
  public static ValidateOptions defaults() {
    return new ValidateOptions(List.of(), null);
  }

  public ValidateOptions paths(List<Path> paths) {
    return new ValidateOptions(paths, crds, openApi, overlays);
  }

  public ValidateOptions crds(Path crds) {
    return new ValidateOptions(paths, crds, openApi, overlays);
  }

  public ValidateOptions openApi(Path openApi) {
    return new ValidateOptions(paths, crds, openApi, overlays);
  }

  public ValidateOptions overlays(boolean overlays) {
    return new ValidateOptions(paths, crds, openApi, overlays);
  }
}
