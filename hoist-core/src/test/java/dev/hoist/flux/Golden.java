package dev.hoist.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under hoist-core/src/test/resources/flux; {@code -Dhoist.updateGolden=true} rewrites
 * them.
 */
final class Golden {
  private Golden() {}

  static Path file(String name) {
    String root = System.getProperty("hoist.repoRoot", ".");
    return Path.of(root, "hoist-core", "src", "test", "resources", "flux", name + ".yaml");
  }

  static void assertGolden(String name, String actual) throws IOException {
    Path file = file(name);
    if (Boolean.getBoolean("hoist.updateGolden")) {
      FluxWriter.write(file, actual);
      return;
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file);
  }
}
