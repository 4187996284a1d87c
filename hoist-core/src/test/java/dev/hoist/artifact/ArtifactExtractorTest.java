package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactExtractorTest {
  @TempDir Path dir;
  Path target;
  Path sentinel;

  @BeforeEach
  void sentinel() throws IOException {
    target = dir.resolve("work/target");
    sentinel = Files.createDirectories(dir.resolve("work/sentinel"));
    Files.setPosixFilePermissions(sentinel, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path keep = Files.writeString(sentinel.resolve("keep.txt"), "untouched");
    Files.setPosixFilePermissions(keep, PosixFilePermissions.fromString("rw-r--r--"));
  }

  /** Relative path -> "d <mode>" or "f <mode> <content>" for every entry below root. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        String rel = root.relativize(p).toString();
        m.put(rel, Files.isDirectory(p) ? "d " + mode : "f " + mode + " " + Files.readString(p));
      }
    }
    return m;
  }

  private void assertRefused(byte[] tgz, ArtifactExtractor.Limits limits, String message)
      throws IOException {
    IOException e =
        assertThrows(
            IOException.class,
            () -> new ArtifactExtractor().extract(new ByteArrayInputStream(tgz), target, limits));
    assertEquals(message, e.getMessage());
    assertFalse(Files.exists(target));
    assertEquals(
        Map.of("", "d rwxr-xr-x", "keep.txt", "f rw-r--r-- untouched"), snapshot(sentinel));
    try (Stream<Path> list = Files.list(dir.resolve("work"))) {
      assertEquals(List.of("sentinel"), list.map(p -> p.getFileName().toString()).toList());
    }
    try (Stream<Path> list = Files.list(dir)) {
      assertEquals(List.of("work"), list.map(p -> p.getFileName().toString()).toList());
    }
  }

  private void assertRefused(HostileTar tar, String message) throws IOException {
    assertRefused(tar.tgz(), ArtifactExtractor.Limits.DEFAULT, message);
  }

  @Test
  void packedTreeExtractsToIdenticalContent() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.setPosixFilePermissions(src, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(src.resolve("deploy/base"));
    Files.createDirectories(src.resolve("empty"));
    Files.writeString(src.resolve("deploy/base/kustomization.yaml"), "resources: []\n");
    Path run = Files.writeString(src.resolve("run.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-x---"));
    Path secret = Files.writeString(src.resolve("secret.txt"), "s");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    String longDir = "l".repeat(120);
    Files.createDirectories(src.resolve(longDir));
    Files.writeString(src.resolve(longDir).resolve("\u00e9t\u00e9.yaml"), "summer");
    PackedArtifact packed =
        new ArtifactPacker().pack(src, ArtifactOptions.defaults(), dir.resolve("a.tgz"));
    try (var in = Files.newInputStream(packed.file())) {
      new ArtifactExtractor().extract(in, target, ArtifactExtractor.Limits.DEFAULT);
    }
    // modes are normalised when packing (0644, or 0755 for executables), whatever the umask
    var expected = new java.util.TreeMap<>(snapshot(src));
    expected.put("run.sh", "f rwxr-xr-x #!/bin/sh\n");
    expected.put("secret.txt", "f rw-r--r-- s");
    assertEquals(expected, snapshot(target));
  }

  @Test
  void extractsIntoAnExistingEmptyDirectoryButNotANonEmptyOne() throws IOException {
    Files.createDirectories(target);
    byte[] tgz = new HostileTar().file("a.txt", "a").tgz();
    new ArtifactExtractor()
        .extract(new ByteArrayInputStream(tgz), target, ArtifactExtractor.Limits.DEFAULT);
    assertEquals("a", Files.readString(target.resolve("a.txt")));
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                new ArtifactExtractor()
                    .extract(
                        new ByteArrayInputStream(tgz), target, ArtifactExtractor.Limits.DEFAULT));
    assertEquals(target + ": extraction target exists and is not empty", e.getMessage());
  }

  @Test
  void traversalIsRefused() throws IOException {
    assertRefused(
        new HostileTar().file("ok.txt", "x").file("../sentinel/keep.txt", "pwned"),
        "artifact entry has an unsafe name: ../sentinel/keep.txt");
    assertRefused(
        new HostileTar().file("a/../../sentinel/x", "pwned"),
        "artifact entry has an unsafe name: a/../../sentinel/x");
  }

  @Test
  void paxPathTraversalIsRefused() throws IOException {
    assertRefused(
        new HostileTar().pax("../sentinel/keep.txt").file("innocent.txt", "pwned"),
        "artifact entry has an unsafe name: ../sentinel/keep.txt");
  }

  @Test
  void absoluteAndBackslashNamesAreRefused() throws IOException {
    assertRefused(
        new HostileTar().file("/tmp/evil", "x"), "artifact entry has an unsafe name: /tmp/evil");
    assertRefused(
        new HostileTar().file("..\\sentinel\\x", "x"),
        "artifact entry has an unsafe name: ..\\sentinel\\x");
  }

  @Test
  void linksDevicesAndFifosAreRefused() throws IOException {
    assertRefused(
        new HostileTar().entry("link", '2', new byte[0], "../sentinel"),
        "artifact entry is a symlink: link");
    assertRefused(
        new HostileTar().file("a", "a").entry("hard", '1', new byte[0], "a"),
        "artifact entry is a hard link: hard");
    assertRefused(
        new HostileTar().entry("tty", '3', new byte[0], ""), "artifact entry is a device: tty");
    assertRefused(
        new HostileTar().entry("disk", '4', new byte[0], ""), "artifact entry is a device: disk");
    assertRefused(
        new HostileTar().entry("pipe", '6', new byte[0], ""), "artifact entry is a FIFO: pipe");
  }

  @Test
  void totalSizeLimitStopsAGzipBomb() throws IOException {
    byte[] tgz = new HostileTar().file("small.txt", "x").zeros("big.bin", 4 << 20).tgz();
    assertFalse(tgz.length > 64 * 1024, "compressed bomb should be small: " + tgz.length);
    assertRefused(
        tgz,
        new ArtifactExtractor.Limits(1 << 20, 100),
        "artifact is larger than 1048576 bytes at entry big.bin");
  }

  @Test
  void entryCountLimit() throws IOException {
    HostileTar tar = new HostileTar();
    for (int i = 0; i < 6; i++) {
      tar.file("f" + i, "x");
    }
    assertRefused(
        tar.tgz(), new ArtifactExtractor.Limits(1 << 20, 5), "artifact has more than 5 entries");
  }

  @Test
  void corruptHeaderIsRefused() throws IOException {
    byte[] raw = new HostileTar().file("a.txt", "a").tgz();
    byte[] tar = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes();
    tar[0] = 'b';
    var gz = new java.io.ByteArrayOutputStream();
    try (var z = new java.util.zip.GZIPOutputStream(gz)) {
      z.write(tar);
    }
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                new ArtifactExtractor()
                    .extract(
                        new ByteArrayInputStream(gz.toByteArray()),
                        target,
                        ArtifactExtractor.Limits.DEFAULT));
    assertEquals(true, e.getMessage().startsWith("tar header checksum mismatch"), e.getMessage());
    assertFalse(Files.exists(target));
  }
}
