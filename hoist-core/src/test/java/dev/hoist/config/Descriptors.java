package dev.hoist.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a hoist.yaml into a test directory and reads it back, or returns the one-line refusal. */
final class Descriptors {
  private Descriptors() {}

  static ProjectConfig load(Path dir, String text) throws IOException {
    Path file = dir.resolve("hoist.yaml");
    Files.writeString(file, text);
    return ConfigLoader.load(file);
  }

  static String error(Path dir, String text) {
    return assertThrows(ConfigException.class, () -> load(dir, text)).getMessage();
  }
}
