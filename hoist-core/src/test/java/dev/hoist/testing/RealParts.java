package dev.hoist.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Access to the real parts integration tests use (a registry started by scripts/test.sh, skopeo,
 * umoci, runc, kubectl, ../shared data). When one is missing, the test fails under {@code CI=true}
 * and is skipped elsewhere with a message saying how to enable it.
 */
public final class RealParts {
  private RealParts() {}

  public static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Fails under CI, skips elsewhere. */
  public static void missing(String what, String howToEnable) {
    String message = what + " is not available; " + howToEnable;
    if (ci()) {
      fail("CI=true: " + message);
    }
    abort(message);
  }

  /** host:port of the plain-HTTP test registry that scripts/test.sh starts. */
  public static String registry() {
    String value = System.getenv("HOIST_TEST_REGISTRY");
    if (value == null || value.isBlank()) {
      missing("the test registry (HOIST_TEST_REGISTRY)", "run the tests with scripts/test.sh");
    }
    return value;
  }

  /** host:port of the htpasswd-protected test registry that scripts/test.sh starts. */
  public static String authRegistry() {
    String value = System.getenv("HOIST_TEST_AUTH_REGISTRY");
    if (value == null || value.isBlank()) {
      missing(
          "the auth test registry (HOIST_TEST_AUTH_REGISTRY)",
          "install apache2-utils and run the tests with scripts/test.sh");
    }
    return value;
  }

  /** Absolute path of a program on PATH, or fail/skip. */
  public static Path tool(String name) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator, -1)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    missing(name, "install it (Debian package " + name + ") or run scripts/test.sh as root");
    return null;
  }

  /** The repository root (where pom.xml is). */
  public static Path repoRoot() {
    String root = System.getProperty("hoist.repoRoot");
    return root != null ? Path.of(root) : Path.of("").toAbsolutePath();
  }

  /** A directory of ../shared (the data shared beside the repository). */
  public static Path shared(String dir) {
    Path shared = repoRoot().resolve("../shared").resolve(dir).normalize();
    if (!Files.isDirectory(shared)) {
      missing(shared.toString(), "place the shared data beside the repository (../shared)");
    }
    return shared;
  }
}
