package dev.hoist.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What to validate (the arguments of {@code hoist validate}).
 *
 * @param paths files or directories of YAML, relative to the project; empty for {@code flux}
 * @param crds a directory or file of CRDs (such as Flux's); null for none
 */
public record ValidateOptions(List<Path> paths, Path crds) {
  public ValidateOptions {
    paths = List.copyOf(paths);
  }

  /** {@code flux/}, without CRDs. */
  public static ValidateOptions defaults() {
    return new ValidateOptions(List.of(), null);
  }

  public ValidateOptions paths(List<Path> paths) {
    return new ValidateOptions(paths, crds);
  }

  public ValidateOptions crds(Path crds) {
    return new ValidateOptions(paths, crds);
  }
}
