package dev.hoist.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * One of the project's own Helm charts ({@code charts[]} of hoist.yaml).
 *
 * @param path the chart directory, relative to the project root
 * @param repository below the registry (default {@code charts}): the chart is published to {@code
 *     <registry>/<repository>/<name>}
 * @param images by app name: the value paths that receive the image hoist built for that app
 * @param name the chart's name, from its Chart.yaml
 */
public record ChartConfig(
    Path path, String repository, Map<String, ImageValues> images, String name, String field) {
  public ChartConfig {
    images = Map.copyOf(images);
  }

  /** Dotted value paths ({@code backend.image.repository}) for an image's repository and tag. */
  public record ImageValues(String repository, String tag) {}
}
