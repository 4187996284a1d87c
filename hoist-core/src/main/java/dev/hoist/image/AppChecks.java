package dev.hoist.image;

import java.util.List;
import java.util.Map;

/** Checks shared by every kind of app; each failure names the app and the value. */
final class AppChecks {
  private AppChecks() {}

  static void common(
      String name, List<Integer> ports, Map<String, String> env, String workingDirectory) {
    for (int port : ports) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("app " + name + ": port out of range: " + port);
      }
    }
    for (String key : env.keySet()) {
      if (key.isEmpty() || key.contains("=")) {
        throw new IllegalArgumentException(
            "app " + name + ": invalid environment variable name: " + key);
      }
    }
    if (workingDirectory != null && !workingDirectory.startsWith("/")) {
      throw new IllegalArgumentException(
          "app " + name + ": working directory is not absolute: " + workingDirectory);
    }
  }
}
