package dev.hoist.cli;

import dev.hoist.artifact.ArtifactOptions;
import java.util.List;
import picocli.CommandLine.Option;

/** How a tree is packed: {@code --ignore-paths} and {@code --resolve-symlinks}. */
final class PackOptions {
  @Option(
      names = "--ignore-paths",
      paramLabel = "PATTERNS",
      split = ",",
      description =
          "Gitignore-style patterns to exclude (comma separated or repeated). Replaces the default "
              + "list: .git/,.gitignore,.gitmodules,.gitattributes,*.jpg,*.jpeg,*.gif,*.png,*.wmv,*.flv,*.tar.gz,"
              + "*.zip plus hoist's .env and .env.* rule.")
  List<String> ignorePaths;

  @Option(
      names = "--resolve-symlinks",
      description =
          "Archive the content of symlinks that point inside the path (default: a symlink is an "
              + "error; a target outside the path is refused always).")
  boolean resolveSymlinks;

  ArtifactOptions toOptions() {
    return new ArtifactOptions(ignorePaths, resolveSymlinks);
  }
}
