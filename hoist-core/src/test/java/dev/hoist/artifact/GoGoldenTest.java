package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoist.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the tar stream with one written by Go 1.19's archive/tar for the same tree, walked the
 * way Flux's tar.Tar walks (filepath.WalkDir, tar.FileInfoHeader, uid/gid 0, no owner names, zero
 * times), then gzip-compressed by Go's compress/gzip. The golden file is
 * src/test/resources/artifact/ go-archive-tar-golden.tar.gz; the tree below is rebuilt with the
 * same names, contents and modes.
 */
class GoGoldenTest {
  @TempDir Path dir;

  private Path file(Path root, String rel, String content, String perms) throws IOException {
    Path p = Files.writeString(root.resolve(rel), content);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    return p;
  }

  private Path dirs(Path root, String rel) throws IOException {
    Path p = Files.createDirectories(root.resolve(rel));
    for (Path d = p; !d.equals(root); d = d.getParent()) {
      Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return p;
  }

  private Path tree() throws IOException {
    Path root = Files.createDirectory(dir.resolve("golden"));
    file(root, "hello.txt", "hello\n", "rw-------");
    dirs(root, "sub");
    file(root, "sub/run.sh", "#!/bin/sh\necho hi\n", "rwxr-xr-x");
    byte[] data = new byte[1500];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i % 251);
    }
    Files.write(root.resolve("sub/data.bin"), data);
    Files.setPosixFilePermissions(
        root.resolve("sub/data.bin"), PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(
        root.resolve("sub"), PosixFilePermissions.fromString("rwx------"));
    dirs(root, "empty");
    file(root, "\u00e9.txt", "e\n", "rw-r--r--");
    dirs(root, "\u00fc");
    file(root, "\u00fc/x.yaml", "u\n", "rw-r--r--");
    file(root, "n".repeat(115) + ".yaml", "n\n", "rw-r--r--");
    String pq = "p".repeat(60) + "/" + "q".repeat(50);
    dirs(root, pq);
    file(root, pq + "/file.yaml", "x\n", "rw-r--r--");
    dirs(root, "a".repeat(150) + "/" + "b".repeat(10) + "/" + "c".repeat(20));
    file(root, "e".repeat(100), "100\n", "rw-r--r--");
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    return root;
  }

  private static byte[] golden() throws IOException {
    try (InputStream in =
        GoGoldenTest.class.getResourceAsStream("/artifact/go-archive-tar-golden.tar.gz")) {
      byte[] gz = in.readAllBytes();
      assertArrayEquals(GzipWriter.HEADER, Arrays.copyOf(gz, 10));
      return new GZIPInputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes();
    }
  }

  @Test
  void tarStreamIsByteIdenticalToGoArchiveTar() throws IOException {
    byte[] expected = golden();
    assertEquals(
        "sha256:25910126cc4befc7dbfc2fc338b7344e252acfd2f1d0a9ea45a64375883bdb21",
        Digest.sha256(expected).toString());
    byte[] actual = TarBlocks.tar(tree(), ArtifactOptions.defaults());
    assertEquals(TarBlocks.names(expected), TarBlocks.names(actual));
    // hoist normalises modes (files 0644/0755, directories 0755): the golden tree's two entries
    // with other modes differ in their mode (and checksum) only; every other byte is Go's
    assertArrayEquals(
        TarBlocks.withModes(expected, java.util.Map.of("hello.txt", 0644, "sub", 0755)), actual);
  }
}
