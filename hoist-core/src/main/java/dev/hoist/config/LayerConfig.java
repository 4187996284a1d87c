package dev.hoist.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One entry of an app's {@code layers:} (apps of {@code kind: files}).
 *
 * @param name the layer's name (default {@code layer-<index>})
 * @param from files or directories, relative to the project root
 * @param to the absolute directory in the image
 * @param mode octal mode for every file, or null (executables keep 0755, other files 0644)
 * @param owner {@code uid[:gid]}, or null for root
 * @param exclude glob patterns relative to each {@code from} directory
 */
public record LayerConfig(
    String name, List<Path> from, String to, String mode, String owner, List<String> exclude) {
  public LayerConfig {
    from = List.copyOf(from);
    exclude = List.copyOf(exclude);
  }
}
