package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymlinkTest {
  @TempDir Path dir;

  private Path root() throws IOException {
    Path root = Files.createDirectories(dir.resolve("t"));
    Path target = Files.writeString(root.resolve("real.yaml"), "kind: real\n");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
    return root;
  }

  @Test
  void symlinkIsRefusedByDefaultNamingTheLink() throws IOException {
    Path root = root();
    Files.createDirectory(root.resolve("sub"));
    Files.createSymbolicLink(root.resolve("sub/link.yaml"), Path.of("../real.yaml"));
    IOException e =
        assertThrows(IOException.class, () -> TarBlocks.tar(root, ArtifactOptions.defaults()));
    assertEquals(
        "symlink not allowed in artifact: sub/link.yaml -> ../real.yaml"
            + " (enable resolveSymlinks to archive its target)",
        e.getMessage());
  }

  @Test
  void resolvedSymlinkInsideRootArchivesTheTargetContent() throws IOException {
    Path root = root();
    Files.createSymbolicLink(root.resolve("link.yaml"), Path.of("real.yaml"));
    Files.createDirectory(root.resolve("d"));
    Files.writeString(root.resolve("d/f.txt"), "f");
    Files.createSymbolicLink(root.resolve("linkdir"), Path.of("d"));
    byte[] tar = TarBlocks.tar(root, new ArtifactOptions(null, true));
    assertEquals(
        List.of(".", "d", "d/f.txt", "link.yaml", "linkdir", "linkdir/f.txt", "real.yaml"),
        TarBlocks.names(tar));
    List<TarBlocks.Header> headers = TarBlocks.headers(tar);
    TarBlocks.Header link = headers.get(3);
    assertEquals('0', link.type());
    assertEquals("0000644\0", link.field(100, 8));
    assertEquals("kind: real\n", new String(TarBlocks.content(tar, link), StandardCharsets.UTF_8));
    assertEquals('5', headers.get(4).type());
  }

  @Test
  void resolvedSymlinkOutsideRootIsRefused() throws IOException {
    Path root = root();
    Path outside = Files.writeString(dir.resolve("outside.txt"), "secret");
    Files.createSymbolicLink(root.resolve("escape"), outside);
    IOException e =
        assertThrows(IOException.class, () -> TarBlocks.tar(root, new ArtifactOptions(null, true)));
    assertEquals("symlink points outside the artifact root: escape -> " + outside, e.getMessage());
  }

  @Test
  void symlinkCycleIsRefused() throws IOException {
    Path root = root();
    Files.createDirectory(root.resolve("d"));
    Files.createSymbolicLink(root.resolve("d/up"), Path.of(".."));
    IOException e =
        assertThrows(IOException.class, () -> TarBlocks.tar(root, new ArtifactOptions(null, true)));
    assertEquals("symlink cycle in artifact tree at: d/up", e.getMessage());
  }

  @Test
  void ignoredSymlinkIsSkippedSilently() throws IOException {
    Path root = root();
    Files.createDirectories(root.resolve(".git"));
    Files.createSymbolicLink(root.resolve(".git/HEAD.lnk"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(root.resolve("pic.png"), Path.of("/nonexistent"));
    assertEquals(
        List.of(".", "real.yaml"),
        TarBlocks.names(TarBlocks.tar(root, ArtifactOptions.defaults())));
  }
}
