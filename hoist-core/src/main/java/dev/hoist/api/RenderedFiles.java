package dev.hoist.api;

import java.util.List;

/** What {@code hoist render --all} wrote: every overlay of hoist.yaml in manifests/. */
public record RenderedFiles(List<File> files) {
  public RenderedFiles {
    files = List.copyOf(files);
  }

  /**
   * One rendered overlay.
   *
   * @param file {@code manifests/<overlay>.yaml}, relative to the project
   * @param changed false when the file already had this content (it was not rewritten)
   */
  public record File(String overlay, String file, boolean changed) {}
}
