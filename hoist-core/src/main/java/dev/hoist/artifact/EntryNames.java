package dev.hoist.artifact;

import java.io.IOException;
import java.nio.file.Path;

/** Checks a tar entry's name and type and maps it below the extraction root. */
final class EntryNames {
  private EntryNames() {}

  static Path resolve(Path root, String name, byte type) throws IOException {
    switch (type) {
      case '0', '5' -> {}
      case '1' -> throw new IOException("artifact entry is a hard link: " + name);
      case '2' -> throw new IOException("artifact entry is a symlink: " + name);
      case '3', '4' -> throw new IOException("artifact entry is a device: " + name);
      case '6' -> throw new IOException("artifact entry is a FIFO: " + name);
      default ->
          throw new IOException(
              "artifact entry has unsupported type '" + (char) type + "': " + name);
    }
    if (name.isEmpty()
        || name.startsWith("/")
        || name.contains("\\")
        || name.indexOf('\0') >= 0
        || name.matches("^[A-Za-z]:.*")) {
      throw new IOException("artifact entry has an unsafe name: " + name);
    }
    Path path = root;
    for (String part : name.split("/", -1)) {
      if (part.equals("..")) {
        throw new IOException("artifact entry has an unsafe name: " + name);
      }
      if (!part.isEmpty() && !part.equals(".")) {
        path = path.resolve(part);
      }
    }
    if (!path.normalize().startsWith(root)) {
      throw new IOException("artifact entry has an unsafe name: " + name);
    }
    if (path.equals(root) && type != '5') {
      throw new IOException("artifact entry has an unsafe name: " + name);
    }
    return path;
  }
}
