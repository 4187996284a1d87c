package dev.hoist.api;

import java.util.List;

/** The Flux files generated (or, with {@code check}, compared); {@code -o json} prints them. */
public record FluxResult(List<File> files, boolean check) {
  public FluxResult {
    files = List.copyOf(files);
  }

  /** True when any file changed (or, with {@code check}, would change). */
  public boolean changed() {
    return files.stream().anyMatch(File::changed);
  }

  /**
   * One file of a cluster's layout.
   *
   * @param path relative to the project, {@code flux/clusters/<cluster>/…}
   * @param diff a unified diff of the change when {@code check} found one; else empty
   */
  public record File(String path, boolean changed, String diff) {}
}
