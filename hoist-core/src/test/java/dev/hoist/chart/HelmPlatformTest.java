package dev.hoist.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hoist.run.HoistException;
import org.junit.jupiter.api.Test;

/** On a platform without Helm's bundled native library: one line saying so, not a crash. */
class HelmPlatformTest {
  @Test
  void anotherPlatformIsOneLineNamingIt() {
    String arch = System.getProperty("os.arch");
    System.setProperty("os.arch", "aarch64");
    try {
      HoistException e = assertThrows(HoistException.class, HelmLibrary::requireSupported);
      assertEquals(
          "Helm's native library is bundled for linux-amd64 only, this is "
              + System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT)
              + "/aarch64: hoist chart lint and template (and release's chart render check) need"
              + " it; package, push and pull work everywhere",
          e.getMessage());
    } finally {
      System.setProperty("os.arch", arch);
    }
  }
}
