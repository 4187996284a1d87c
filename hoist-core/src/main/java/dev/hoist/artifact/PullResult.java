package dev.hoist.artifact;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code pull} did: the repository, the manifest digest, where the files are, the annotations.
 */
public record PullResult(
    String repository, String digest, Path output, Map<String, String> annotations) {
  public PullResult {
    annotations = Map.copyOf(annotations);
  }
}
