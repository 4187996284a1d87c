package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoist.testing.Processes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarFormatTest {
  @TempDir Path dir;

  private Path tree() throws IOException {
    Path root = Files.createDirectory(dir.resolve("tree"));
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path file = Files.writeString(root.resolve("hello.txt"), "hello\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    return root;
  }

  @Test
  void fileHeaderHasEveryFieldAsGoWritesIt() throws IOException {
    byte[] tar = TarBlocks.tar(tree(), ArtifactOptions.defaults());
    TarBlocks.Header h = TarBlocks.headers(tar).get(1);
    assertEquals(512, h.offset());
    assertEquals("hello.txt" + "\0".repeat(91), h.field(0, 100));
    assertEquals("0000644\0", h.field(100, 8));
    assertEquals("0000000\0", h.field(108, 8));
    assertEquals("0000000\0", h.field(116, 8));
    assertEquals("00000000006\0", h.field(124, 12));
    assertEquals("00000000000\0", h.field(136, 12));
    assertEquals("011045\0 ", h.field(148, 8));
    assertEquals('0', h.type());
    assertEquals("\0".repeat(100), h.field(157, 100));
    assertEquals("ustar\0", h.field(257, 6));
    assertEquals("00", h.field(263, 2));
    assertEquals("\0".repeat(64), h.field(265, 64));
    assertEquals("0000000\0", h.field(329, 8));
    assertEquals("0000000\0", h.field(337, 8));
    assertEquals("\0".repeat(167), h.field(345, 167));
    assertEquals("hello\n" + "\0".repeat(506), new String(tar, 1024, 512, StandardCharsets.UTF_8));
  }

  @Test
  void rootDirectoryHeaderComesFirst() throws IOException {
    byte[] tar = TarBlocks.tar(tree(), ArtifactOptions.defaults());
    TarBlocks.Header h = TarBlocks.headers(tar).get(0);
    assertEquals(".\0", h.field(0, 2));
    assertEquals("0000755\0", h.field(100, 8));
    assertEquals("00000000000\0", h.field(124, 12));
    assertEquals("007263\0 ", h.field(148, 8));
    assertEquals('5', h.type());
    assertEquals("ustar\00000", h.field(257, 8));
    assertEquals("0000000\0" + "0000000\0", h.field(329, 16));
  }

  @Test
  void archiveEndsWithExactlyTwoZeroBlocks() throws IOException {
    byte[] tar = TarBlocks.tar(tree(), ArtifactOptions.defaults());
    // root header, file header, one content block, two zero blocks; no padding to 10240
    assertEquals(5 * 512, tar.length);
    assertArrayEquals(new byte[1024], Arrays.copyOfRange(tar, 1536, 2560));
  }

  @Test
  void entriesAreDepthFirstInBytewiseOrderWithEmptyDirectories() throws IOException {
    Path root = Files.createDirectory(dir.resolve("order"));
    Files.createDirectories(root.resolve("a/c"));
    Files.createDirectories(root.resolve("empty"));
    Files.writeString(root.resolve("a-b"), "1");
    Files.writeString(root.resolve("a.txt"), "2");
    Files.writeString(root.resolve("B"), "3");
    Files.writeString(root.resolve("a/z.yaml"), "4");
    Files.writeString(root.resolve("a/c/d.yaml"), "5");
    Files.writeString(root.resolve("\u00e9.txt"), "6");
    List<String> names = TarBlocks.names(TarBlocks.tar(root, ArtifactOptions.defaults()));
    assertEquals(
        List.of(
            ".", "B", "a", "a/c", "a/c/d.yaml", "a/z.yaml", "a-b", "a.txt", "empty", "\u00e9.txt"),
        names);
  }

  @Test
  void modesAreNormalisedWhateverTheUmask() throws IOException {
    Path root = Files.createDirectory(dir.resolve("modes"));
    Path secret = Files.writeString(root.resolve("secret"), "s");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Path run = Files.writeString(root.resolve("run.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path sub = Files.createDirectory(root.resolve("sub"));
    Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwx------"));
    List<TarBlocks.Header> headers =
        TarBlocks.headers(TarBlocks.tar(root, ArtifactOptions.defaults()));
    assertEquals("run.sh", headers.get(1).name());
    assertEquals("0000755\0", headers.get(1).field(100, 8));
    assertEquals("secret", headers.get(2).name());
    assertEquals("0000644\0", headers.get(2).field(100, 8));
    assertEquals("sub", headers.get(3).name());
    assertEquals("0000755\0", headers.get(3).field(100, 8));
    assertEquals('5', headers.get(3).type());
  }

  @Test
  void theSameTreeUnderUmask077PacksToTheSameBytes() throws IOException {
    byte[][] tars = new byte[2][];
    String[][] perms = {
      {"rw-r--r--", "rwxr-xr-x", "rwxr-xr-x"}, {"rw-------", "rwx------", "rwx------"}
    };
    for (int i = 0; i < 2; i++) {
      Path root = Files.createDirectory(dir.resolve("clone" + i));
      Path sub = Files.createDirectory(root.resolve("sub"));
      Path yaml = Files.writeString(sub.resolve("a.yaml"), "a: 1\n");
      Path run = Files.writeString(root.resolve("run.sh"), "#!/bin/sh\n");
      Files.setPosixFilePermissions(yaml, PosixFilePermissions.fromString(perms[i][0]));
      Files.setPosixFilePermissions(run, PosixFilePermissions.fromString(perms[i][1]));
      Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString(perms[i][2]));
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString(perms[i][2]));
      tars[i] = TarBlocks.tar(root, ArtifactOptions.defaults());
    }
    org.junit.jupiter.api.Assertions.assertArrayEquals(tars[0], tars[1]);
  }

  @Test
  void singleFileGivesRootWith0700ThenTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("app.yaml"), "kind: x\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    byte[] tar = TarBlocks.tar(file, ArtifactOptions.defaults());
    List<TarBlocks.Header> headers = TarBlocks.headers(tar);
    assertEquals(2, headers.size());
    assertEquals(".", headers.get(0).name());
    assertEquals("0000700\0", headers.get(0).field(100, 8));
    assertEquals("007251\0 ", headers.get(0).field(148, 8));
    assertEquals("app.yaml", headers.get(1).name());
    assertEquals("0000644\0", headers.get(1).field(100, 8));
    assertEquals(
        "kind: x\n", new String(TarBlocks.content(tar, headers.get(1)), StandardCharsets.UTF_8));
    assertEquals(5 * 512, tar.length);
  }

  @Test
  void singleFileGivenThroughASymlinkKeepsTheLinkName() throws IOException {
    Path file = Files.writeString(dir.resolve("real.yaml"), "r");
    Path link = Files.createSymbolicLink(dir.resolve("given.yaml"), file);
    assertEquals(
        List.of(".", "given.yaml"),
        TarBlocks.names(TarBlocks.tar(link, ArtifactOptions.defaults())));
  }

  @Test
  void setuidBitIsDroppedAndSpecialFilesAreSkippedWithWarnings() throws Exception {
    Path root = Files.createDirectory(dir.resolve("special"));
    Path tool = Files.writeString(root.resolve("tool"), "t");
    Processes.run(root, List.of("chmod", "4755", tool.toString())).requireSuccess();
    Processes.run(root, List.of("mkfifo", root.resolve("pipe").toString())).requireSuccess();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> warnings = new ArtifactPacker().writeTar(root, ArtifactOptions.defaults(), out);
    List<TarBlocks.Header> headers = TarBlocks.headers(out.toByteArray());
    assertEquals(List.of(".", "tool"), TarBlocks.names(out.toByteArray()));
    assertEquals("0000755\0", headers.get(1).field(100, 8));
    assertEquals(
        List.of(
            "skipped special file (not a regular file or directory): pipe",
            "dropped setuid/setgid/sticky bits of tool (mode 04755): artifacts carry plain modes"),
        warnings);
  }

  @Test
  void nameOfExactly100BytesFillsTheFieldWithoutNul() throws IOException {
    Path root = Files.createDirectory(dir.resolve("hundred"));
    String name = "h".repeat(100);
    Files.setPosixFilePermissions(
        Files.writeString(root.resolve(name), "h"), PosixFilePermissions.fromString("rw-r--r--"));
    List<TarBlocks.Header> headers =
        TarBlocks.headers(TarBlocks.tar(root, ArtifactOptions.defaults()));
    assertEquals(2, headers.size());
    assertEquals(name, headers.get(1).field(0, 100));
    assertEquals("0000644\0", headers.get(1).field(100, 8));
    assertEquals("", headers.get(1).prefix());
  }

  @Test
  void everyHeaderChecksumIsSixOctalDigitsNulSpace() throws IOException {
    Path root = tree();
    Files.createDirectories(root.resolve("x/y"));
    for (TarBlocks.Header h : TarBlocks.headers(TarBlocks.tar(root, ArtifactOptions.defaults()))) {
      assertEquals(TarBlocks.checksumOf(h.block()) + "\0 ", h.field(148, 8), h.name());
    }
  }
}
