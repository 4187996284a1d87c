package dev.hoist.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One declared layer of a {@link FilesApp}: files and directories copied to an absolute path in the
 * image.
 *
 * <p>A directory in {@code from} has its contents copied below {@code to}; a file is copied to
 * {@code to/<file name>}. Files keep 0755 when executable for their owner and get 0644 otherwise,
 * unless {@code fileMode} is given; directories are 0755.
 *
 * @param name the layer's name (for messages and Jib's layer name)
 * @param from files or directories on the build machine
 * @param to the absolute directory in the image
 * @param fileMode octal mode for every file (e.g. {@code 0640}), or null to keep executables 0755
 * @param owner {@code uid:gid} of every entry, or null for {@code 0:0}
 * @param exclude glob patterns ({@code **}, {@code *}, {@code ?}) relative to each {@code from}
 *     directory
 */
public record FileLayer(
    String name, List<Path> from, String to, String fileMode, String owner, List<String> exclude) {

  public FileLayer {
    Objects.requireNonNull(name, "name");
    from = List.copyOf(from);
    if (from.isEmpty()) {
      throw new IllegalArgumentException("layer " + name + ": from is empty");
    }
    Objects.requireNonNull(to, "to");
    if (!to.startsWith("/")) {
      throw new IllegalArgumentException("layer " + name + ": to is not an absolute path: " + to);
    }
    if (fileMode != null && !fileMode.matches("0?[0-7]{3}")) {
      throw new IllegalArgumentException(
          "layer " + name + ": mode is not octal like 0644: " + fileMode);
    }
    if (owner != null && !owner.matches("[0-9]+(:[0-9]+)?")) {
      throw new IllegalArgumentException("layer " + name + ": owner is not uid[:gid]: " + owner);
    }
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
  }
}
