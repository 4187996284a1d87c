package dev.hoist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hoist chart …}: output, exit codes and one-line errors. */
class ChartCommandTest {
  @TempDir Path dir;

  @Test
  void lintTemplateAndPackageTheExampleChart() throws Exception {
    String hello = RealParts.repoRoot().resolve("deploy/charts/hello").toString();
    CliRun lint = CliRun.hoist("chart", "lint", hello, "--strict");
    assertEquals(0, lint.code(), lint.out() + lint.err());
    assertTrue(lint.out().contains("1 chart(s) linted, 0 chart(s) failed"), lint.out());

    CliRun template =
        CliRun.hoist("chart", "template", hello, "--release", "web", "--set", "image.tag=2.0.0");
    assertEquals(0, template.code(), template.err());
    assertTrue(template.out().contains("image: \"ghcr.io/hoist-dev/hello:2.0.0\""), template.out());

    CliRun pack =
        CliRun.hoist("chart", "package", hello, "--output", dir.toString(), "--version", "0.2.0");
    assertEquals(0, pack.code(), pack.err());
    assertEquals(dir.resolve("hello-0.2.0.tgz").toString(), pack.out().strip());
  }

  @Test
  void badInputIsOneLineWithItsExitCode() throws Exception {
    CliRun none = CliRun.hoist("chart", "package", dir.toString(), "--output", dir.toString());
    assertEquals(3, none.code());
    assertEquals(
        "hoist: error: "
            + dir.resolve("Chart.yaml")
            + ": not found (a chart directory holds Chart.yaml)",
        none.err().strip());

    Path bad = Files.createDirectories(dir.resolve("bad"));
    Files.createDirectories(bad.resolve("templates"));
    Files.writeString(bad.resolve("Chart.yaml"), "apiVersion: v2\nname: bad\nversion: 1.0.0\n");
    Files.writeString(bad.resolve("templates/x.yaml"), "a: {{ .Values.nope.deeper }}\n");
    CliRun template = CliRun.hoist("chart", "template", bad.toString());
    assertEquals(3, template.code());
    assertTrue(template.err().contains("bad/templates/x.yaml:1:"), template.err());
    assertEquals(1, template.err().strip().lines().count());
    CliRun lint = CliRun.hoist("chart", "lint", bad.toString());
    assertEquals(1, lint.code(), lint.out());

    CliRun oneArg = CliRun.hoist("chart", "push", bad.toString());
    assertEquals(2, oneArg.code());
    CliRun badUrl = CliRun.hoist("chart", "push", bad.toString(), "https://r.example/x");
    assertEquals(2, badUrl.code());
    assertTrue(badUrl.err().contains("is not oci://REGISTRY[/NAMESPACE]"), badUrl.err());
    CliRun pullVersion =
        CliRun.hoist("chart", "pull", "oci://r.example/ns/app", "--version", "latest");
    assertEquals(3, pullVersion.code());
  }
}
