package dev.hoist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hoist.run.HoistVersion;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./hoist} launcher as the README describes it, run as users run it: from a copy of the
 * checkout's launcher, packaged jar and class list. The first run builds the class-data sharing
 * archive for the {@code java} on PATH, later runs map it, a rebuilt jar or another JDK gets its
 * own, {@code HOIST_JAVA_OPTS} turns it off, and the JVM's own warnings never reach stdout.
 */
class LauncherIT {
  @TempDir Path tmp;
  private Path checkout;
  private Path cds;
  private String version;

  @BeforeEach
  void copyTheCheckout() throws Exception {
    Path root = RealParts.repoRoot();
    Path list = root.resolve("hoist-cli/target/cds/hoist.classlist");
    assertTrue(Files.isRegularFile(list), list + " (written by mvn package: scripts/cds-train.sh)");
    checkout = tmp.resolve("checkout");
    cds = Files.createDirectories(checkout.resolve("hoist-cli/target/cds"));
    Files.copy(root.resolve("hoist"), checkout.resolve("hoist"));
    Files.copy(root.resolve("hoist-cli/target/hoist.jar"), cds.resolveSibling("hoist.jar"));
    Files.copy(list, cds.resolve("hoist.classlist"));
    version = HoistVersion.get();
  }

  private Processes.Result hoist(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("env"));
    env.forEach((k, v) -> command.add(k + "=" + v));
    command.add(checkout.resolve("hoist").toString());
    command.addAll(List.of(args));
    return Processes.run(tmp, command, 120);
  }

  private List<Path> archives() throws Exception {
    try (Stream<Path> s = Files.list(cds)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jsa")).sorted().toList();
    }
  }

  /** Where the JVM took hoist's main class from, as its class-load log says. */
  private String mainClassSource(Path log) throws Exception {
    return Files.readAllLines(log).stream()
        .filter(l -> l.contains(" dev.hoist.cli.Main source: "))
        .map(l -> l.substring(l.indexOf(" source: ") + 9))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no dev.hoist.cli.Main in " + log));
  }

  @Test
  void theFirstRunBuildsTheArchiveAndLaterRunsMapIt() throws Exception {
    Processes.Result first = hoist(Map.of(), "--version").requireSuccess();
    assertEquals("hoist " + version + "\n", first.stdout());
    List<Path> built = archives();
    assertEquals(1, built.size(), built.toString());
    FileTime time = Files.getLastModifiedTime(built.get(0));

    Path log = tmp.resolve("classes.log");
    hoist(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + log), "--version")
        .requireSuccess();
    assertEquals("shared objects file", mainClassSource(log));
    assertEquals(built, archives(), "built once");
    assertEquals(time, Files.getLastModifiedTime(built.get(0)));
  }

  @Test
  void theArchiveIsMappedWhereItWasBuiltNotMovedAndPatched() throws Exception {
    hoist(Map.of(), "--version").requireSuccess();
    Path log = tmp.resolve("cds.log");
    hoist(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:cds=info:file=" + log), "--version").requireSuccess();
    String cdsLog = Files.readString(log);
    assertTrue(cdsLog.contains("Mapped static"), cdsLog);
    assertFalse(cdsLog.contains("always map archive(s) at an alternative address"), cdsLog);
    // what the JVM does without the launcher's option, so the check above can fail
    Processes.Result plain = Processes.run(tmp, List.of("java", "-Xlog:cds=info", "-version"), 60);
    assumeTrue(
        plain.stdout().contains("always map archive(s) at an alternative address"),
        "this JDK maps class-data archives where they were built by default");
  }

  @Test
  void hoistJavaOptsReplaceTheOptionsAndTurnTheArchiveOff() throws Exception {
    Path log = tmp.resolve("classes.log");
    hoist(Map.of("HOIST_JAVA_OPTS", "-Xlog:class+load:file=" + log), "--version").requireSuccess();
    assertTrue(mainClassSource(log).endsWith("hoist.jar"), mainClassSource(log));
    assertEquals(List.of(), archives());
  }

  @Test
  void aRebuiltJarGetsItsOwnArchiveAndTheOldOneIsDeleted() throws Exception {
    hoist(Map.of(), "--version").requireSuccess();
    List<Path> before = archives();
    Path jar = cds.resolveSibling("hoist.jar");
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000)); // as a rebuild does
    hoist(Map.of(), "--version").requireSuccess();
    List<Path> after = archives();
    assertEquals(1, after.size(), after.toString());
    assertFalse(before.contains(after.get(0)), before + " -> " + after);
  }

  @Test
  void anotherJdkGetsItsOwnArchive() throws Exception {
    Path other = otherJdk();
    assumeTrue(other != null, "only one JDK on this machine (/usr/lib/jvm): nothing to switch to");
    hoist(Map.of(), "--version").requireSuccess();
    String path = other.resolve("bin") + ":" + System.getenv("PATH");
    Path log = tmp.resolve("classes.log");
    hoist(Map.of("PATH", path, "JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + log), "--version")
        .requireSuccess();
    assertEquals(2, archives().size(), archives().toString());
    hoist(Map.of("PATH", path, "JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + log), "--version")
        .requireSuccess();
    assertEquals("shared objects file", mainClassSource(log), "the other JDK maps its own");
  }

  @Test
  void theJvmsWarningsGoToStderrNotIntoTheData() throws Exception {
    // a warning HotSpot logs where no large pages are configured; plain `java` prints it on stdout
    Processes.Result plain =
        Processes.run(tmp, List.of("java", "-XX:+UseLargePages", "-version"), 60);
    assumeTrue(
        plain.stdout().contains("[warning]"),
        "this machine has large pages configured: no JVM warning to redirect");
    Processes.Result run =
        hoist(Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseLargePages"), "--version").requireSuccess();
    assertEquals("hoist " + version + "\n", run.stdout());
    assertTrue(run.stderr().contains("[warning]"), run.stderr());
  }

  /**
   * The launcher runs {@code -cp … dev.hoist.cli.Main}, not {@code -jar}: the options the manifest
   * gave (native access, which JDK 24+ wants before JNA loads Helm's library) are given on the
   * command line, only where the JDK wants them, and the archive is dumped with them (else the JVM
   * drops its archived module graph, or refuses the archive with an error).
   */
  @Test
  void nativeAccessWhereTheJdkWantsItAndTheArchiveKeepsItsModuleGraph() throws Exception {
    Path chart = RealParts.repoRoot().resolve("deploy/charts/hello");
    Path other = otherJdk();
    List<String> paths = new ArrayList<>(List.of(System.getenv("PATH")));
    if (other != null) {
      paths.add(other.resolve("bin") + ":" + System.getenv("PATH"));
    }
    for (String path : paths) {
      hoist(Map.of("PATH", path), "--version").requireSuccess();
      Path log = tmp.resolve("cds-" + paths.indexOf(path) + ".log");
      Processes.Result run =
          hoist(
                  Map.of("PATH", path, "JAVA_TOOL_OPTIONS", "-Xlog:cds=info:file=" + log),
                  "--version")
              .requireSuccess();
      String cdsLog = Files.readString(log);
      assertTrue(cdsLog.contains("optimized module handling: enabled"), path + "\n" + cdsLog);
      assertFalse(run.stderr().contains("[error]"), run.stderr());
      Processes.Result lint = hoist(Map.of("PATH", path), "chart", "lint", chart.toString());
      lint.requireSuccess();
      assertFalse(lint.stderr().contains("WARNING"), path + ": " + lint.stderr());
    }
    assertEquals(paths.size(), archives().size(), archives().toString());
  }

  /** A JDK 17 or later under /usr/lib/jvm other than the one {@code java} on PATH runs, or null. */
  private static Path otherJdk() throws Exception {
    Path onPath = RealParts.tool("java").toRealPath();
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return null;
    }
    try (Stream<Path> s = Files.list(jvms)) {
      for (Path home : s.sorted().toList()) {
        Path java = home.resolve("bin/java");
        if (Files.isExecutable(java) && !java.toRealPath().equals(onPath)) {
          Processes.Result v = Processes.run(null, List.of(java.toString(), "-version"), 60);
          Matcher m = Pattern.compile("version \"(\\d+)").matcher(v.stderr());
          if (v.exitCode() == 0 && m.find() && Integer.parseInt(m.group(1)) >= 17) {
            return home;
          }
        }
      }
    }
    return null;
  }
}
