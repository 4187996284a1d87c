package dev.hoist.flux;

import dev.hoist.files.TextFiles;
import java.nio.file.Path;

/** Writes rendered Flux objects to a file, touching it only when its content changes. */
public final class FluxWriter {
  private FluxWriter() {}

  /**
   * Writes {@code content} (UTF-8) to {@code file} through a temporary file and an atomic rename,
   * creating parent directories. Returns false, leaving the file untouched, when it already holds
   * exactly that content.
   */
  public static boolean write(Path file, String content) {
    return TextFiles.writeIfChanged(file, content);
  }
}
