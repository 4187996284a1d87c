package dev.hoist.cli;

import static dev.hoist.cli.CliRun.hoist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.run.ExitCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit codes and messages of the artifact commands for values they cannot use and registries that
 * are not there.
 */
class ArtifactUsageErrorTest {
  @TempDir Path dir;

  private Path tree() throws IOException {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("a.yaml"), "a: 1\n");
    return tree;
  }

  private static void assertUsage(CliRun run, String... named) {
    assertEquals(ExitCode.USAGE.code(), run.code(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("hoist: error: "), run.err());
    for (String value : named) {
      assertTrue(run.err().contains(value), run.err());
    }
  }

  @Test
  void malformedUrlsAreUsageErrorsNamingTheValue() throws IOException {
    String path = tree().toString();
    assertUsage(
        hoist(
            "artifact",
            "push",
            "oci://registry.example/Team/App:1.0.0",
            "--path",
            path,
            "--source",
            "s",
            "--revision",
            "r"),
        "'oci://registry.example/Team/App:1.0.0'",
        "bad repository 'Team/App'");
    assertUsage(
        hoist("artifact", "push", "oci://registry.example/app:1.0.0:x", "--path", path), "1.0.0:x");
    assertUsage(
        hoist("artifact", "push", "oci://registry.example/app", "--path", path),
        "'oci://registry.example/app'",
        "a tag is required");
    assertUsage(
        hoist("artifact", "push", "registry.example/app:1", "--path", path),
        "must start with oci://");
    assertUsage(
        hoist(
            "artifact",
            "pull",
            "oci://registry.example/app@sha256:zz",
            "--output",
            dir.resolve("out").toString()),
        "'oci://registry.example/app@sha256:zz'",
        "bad digest");
  }

  @Test
  void malformedCredsAreUsageErrorsThatNeverShowTheValue() throws IOException {
    String path = tree().toString();
    String[][] commands = {
      {
        "artifact",
        "push",
        "oci://127.0.0.1:9/app:1.0.0",
        "--path",
        path,
        "--source",
        "s",
        "--revision",
        "r"
      },
      {"artifact", "list", "oci://127.0.0.1:9/app"},
      {"release", "--snapshot", "--dry-run"},
      {"image", "build"},
    };
    for (String[] command : commands) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 2);
      args[command.length] = "--creds";
      args[command.length + 1] = "s3cr3t-token-without-user";
      CliRun run = hoist(args);
      assertEquals(ExitCode.USAGE.code(), run.code(), String.join(" ", command) + ": " + run.err());
      assertTrue(
          run.err().startsWith("Invalid value for option '--creds': expected USER:PASSWORD"),
          run.err());
      assertFalse(run.err().contains("s3cr3t"), run.err());
    }
  }

  @Test
  void aBadNewTagIsAUsageErrorBeforeAnyRequest() {
    assertUsage(
        hoist("artifact", "tag", "oci://127.0.0.1:1/app:1.0.0", "--tag", "bad tag"), "'bad tag'");
  }

  @Test
  void badRangeAndRegexAreUsageErrors() {
    assertUsage(
        hoist("artifact", "list", "oci://127.0.0.1:1/app", "--filter-semver", ">=one"), "'>=one'");
    assertUsage(
        hoist("artifact", "list", "oci://127.0.0.1:1/app", "--filter-regex", "a(b"), "'a(b'");
  }

  @Test
  void aRefusedConnectionFailsAtOnceWithTheRegistryCode() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    CliRun run =
        hoist(
            "artifact",
            "push",
            "oci://127.0.0.1:" + closed + "/team/app:1.0.0",
            "--path",
            tree().toString(),
            "--source",
            "s",
            "--revision",
            "r",
            "--reproducible",
            "--insecure");
    assertEquals(ExitCode.REGISTRY.code(), run.code(), run.err());
    assertEquals(
        1, run.err().lines().filter(l -> l.startsWith("hoist: error: ")).count(), run.err());
    assertTrue(
        run.err().contains("http://127.0.0.1:" + closed + " refused the connection"), run.err());
    assertFalse(run.err().contains("retrying"), run.err());
  }
}
