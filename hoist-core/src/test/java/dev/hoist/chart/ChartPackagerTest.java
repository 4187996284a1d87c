package dev.hoist.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import dev.hoist.tar.TarReader;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartPackagerTest {
  @TempDir Path tmp;

  @Test
  void twoClonesWithOtherUmaskTimeZoneAndTimesPackToTheSameBytes() throws Exception {
    Path origin = TestCharts.write(tmp.resolve("origin/chart"), "app", "1.2.3");
    Files.writeString(origin.resolve("templates/NOTES.txt"), "installed\n");
    String git = RealParts.tool("git").toString();
    Path repo = origin.getParent();
    Processes.run(repo, List.of(git, "init", "-q")).requireSuccess();
    Processes.run(repo, List.of(git, "add", "-A")).requireSuccess();
    Processes.run(
            repo,
            List.of(git, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "chart"))
        .requireSuccess();
    List<byte[]> packages = new ArrayList<>();
    String[][] envs = {{"022", "UTC"}, {"077", "Pacific/Chatham"}};
    for (int i = 0; i < envs.length; i++) {
      Path clone = tmp.resolve("clone" + i);
      String java = ProcessHandle.current().info().command().orElse("java");
      String cp = System.getProperty("java.class.path");
      Processes.Result r =
          Processes.run(
              tmp,
              List.of(
                  "sh",
                  "-c",
                  "umask "
                      + envs[i][0]
                      + " && export TZ="
                      + envs[i][1]
                      + " && git clone -q \"$1\" \"$2\" && touch -d @"
                      + (1_000_000 * (i + 1))
                      + " \"$2\"/chart/values.yaml && exec \"$3\" -cp \"$4\" "
                      + PackMain.class.getName()
                      + " \"$2\"/chart \"$2\"/out",
                  "sh",
                  repo.toString(),
                  clone.toString(),
                  java,
                  cp));
      r.requireSuccess();
      packages.add(Files.readAllBytes(clone.resolve("out/app-1.2.3.tgz")));
    }
    assertArrayEquals(packages.get(0), packages.get(1));
  }

  @Test
  void modesAndTimesDoNotMatterAndEntriesAreInAFixedOrder() throws Exception {
    Path a = TestCharts.write(tmp.resolve("a"), "app", "0.1.0");
    Path b = TestCharts.write(tmp.resolve("b"), "app", "0.1.0");
    Files.setPosixFilePermissions(
        b.resolve("values.yaml"), PosixFilePermissions.fromString("rwx------"));
    Files.setLastModifiedTime(b.resolve("templates/cm.yaml"), FileTime.fromMillis(12345));
    PackedChart pa = new ChartPackager().pack(a, null, null, tmp.resolve("oa"));
    PackedChart pb = new ChartPackager().pack(b, null, null, tmp.resolve("ob"));
    assertArrayEquals(Files.readAllBytes(pa.file()), Files.readAllBytes(pb.file()));
    assertEquals(pa.layer(), pb.layer());
    assertEquals(
        List.of("app/Chart.yaml", "app/templates/cm.yaml", "app/values.yaml"), entries(pa.file()));
  }

  @Test
  void helmignoreIsHonouredAndEnvFilesAreLeftOutWithAWarning() throws Exception {
    Path c = TestCharts.write(tmp.resolve("c"), "app", "0.1.0");
    Files.writeString(c.resolve(".helmignore"), "# comment\n*.bak\nsecret/\n/ci.yaml\n");
    Files.writeString(c.resolve("old.bak"), "x");
    Files.createDirectories(c.resolve("secret"));
    Files.writeString(c.resolve("secret/key"), "x");
    Files.writeString(c.resolve("ci.yaml"), "x");
    Files.writeString(c.resolve("templates/ci.yaml"), "kept: true\n");
    Files.writeString(c.resolve("templates/.hidden"), "x");
    Files.writeString(c.resolve(".env"), "PASSWORD=x");
    Files.writeString(c.resolve(".env.prod"), "PASSWORD=x");
    PackedChart p = new ChartPackager().pack(c, null, null, tmp.resolve("out"));
    assertEquals(
        List.of(
            "app/Chart.yaml",
            "app/.helmignore",
            "app/templates/ci.yaml",
            "app/templates/cm.yaml",
            "app/values.yaml"),
        entries(p.file()));
    assertEquals(2, p.warnings().size(), p.warnings().toString());
    assertTrue(p.warnings().get(0).contains(".env"));
  }

  @Test
  void versionAndAppVersionReplaceOnlyTheirLines() throws Exception {
    Path c = TestCharts.write(tmp.resolve("c"), "app", "0.1.0");
    PackedChart p = new ChartPackager().pack(c, "0.3.7+build.5", "2.0.0", tmp.resolve("out"));
    assertEquals("0.3.7+build.5", p.version());
    assertEquals("2.0.0", p.chart().appVersion());
    assertTrue(p.file().getFileName().toString().equals("app-0.3.7+build.5.tgz"));
    assertEquals("0.3.7_build.5", p.chart().tag());
    assertTrue(Files.readString(c.resolve("Chart.yaml")).contains("version: 0.1.0"));
    String config = new String(p.config(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(
        "{\"name\":\"app\",\"version\":\"0.3.7+build.5\",\"description\":\"a test\","
            + "\"apiVersion\":\"v2\",\"appVersion\":\"2.0.0\"}",
        config);
  }

  @Test
  void badChartsAreOneLineNamingFileAndFieldAndWriteNothing() throws Exception {
    Path out = tmp.resolve("out");
    HoistException none =
        assertThrows(
            HoistException.class,
            () ->
                new ChartPackager()
                    .pack(Files.createDirectories(tmp.resolve("e")), null, null, out));
    assertEquals(ExitCode.CONFIG, none.exitCode());
    assertTrue(
        none.getMessage().endsWith("Chart.yaml: not found (a chart directory holds Chart.yaml)"));

    Path v1 = TestCharts.write(tmp.resolve("v1"), "app", "0.1.0");
    Files.writeString(v1.resolve("Chart.yaml"), "apiVersion: v1\nname: app\nversion: 0.1.0\n");
    assertTrue(message(v1, out).contains("Chart.yaml:1: apiVersion: 'v1' is not supported"));

    Path loose = TestCharts.write(tmp.resolve("loose"), "app", "1.2");
    assertTrue(
        message(loose, out).contains("Chart.yaml:3: version: '1.2' is not a SemVer 2.0 version"));

    Path upper = TestCharts.write(tmp.resolve("upper"), "App", "1.0.0");
    assertTrue(message(upper, out).contains("Chart.yaml:2: name: 'App' is not a chart name"));

    Path ok = TestCharts.write(tmp.resolve("ok"), "app", "1.0.0");
    HoistException badVersion =
        assertThrows(HoistException.class, () -> new ChartPackager().pack(ok, "v1", null, out));
    assertTrue(badVersion.getMessage().startsWith("--version: 'v1' is not a SemVer"));

    Path link = TestCharts.write(tmp.resolve("link"), "app", "1.0.0");
    Files.createSymbolicLink(link.resolve("templates/l.yaml"), Path.of("/etc/passwd"));
    assertTrue(message(link, out).contains("a symbolic link in a chart"));
    String[] written = out.toFile().list();
    assertTrue(written == null || written.length == 0, "nothing written");
  }

  private static String message(Path chart, Path out) {
    HoistException e =
        assertThrows(HoistException.class, () -> new ChartPackager().pack(chart, null, null, out));
    assertEquals(ExitCode.CONFIG, e.exitCode());
    assertFalse(e.getMessage().contains("\n"));
    return e.getMessage();
  }

  static List<String> entries(Path tgz) throws Exception {
    List<String> names = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
      TarReader tar = new TarReader(in);
      for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
        names.add(e.name());
        assertEquals(0644, e.mode() & 07777, e.name());
      }
    }
    return names;
  }
}
