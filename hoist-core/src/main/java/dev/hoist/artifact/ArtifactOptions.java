package dev.hoist.artifact;

import java.util.List;

/**
 * How a tree is packed.
 *
 * @param ignorePatterns gitignore-style patterns (entries may be comma separated, as Flux's {@code
 *     --ignore-paths}); {@code null} means Flux's default list plus hoist's {@code .env} rule. A
 *     given list replaces both.
 * @param resolveSymlinks archive the target of a symlink that points inside the root instead of
 *     refusing the link; a target outside the root is refused either way
 */
public record ArtifactOptions(List<String> ignorePatterns, boolean resolveSymlinks) {
  public ArtifactOptions {
    ignorePatterns = ignorePatterns == null ? null : List.copyOf(ignorePatterns);
  }

  /** Flux's default ignore list, the .env rule, symlinks refused. */
  public static ArtifactOptions defaults() {
    return new ArtifactOptions(null, false);
  }

  boolean usesDefaultIgnores() {
    return ignorePatterns == null;
  }

  IgnoreRules ignoreRules() {
    return new IgnoreRules(ignorePatterns == null ? IgnoreRules.FLUX_DEFAULT : ignorePatterns);
  }
}
