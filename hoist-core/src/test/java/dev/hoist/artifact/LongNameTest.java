package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongNameTest {
  @TempDir Path dir;

  @Test
  void longNameIsSplitIntoPrefixAtTheLastFittingSlash() throws IOException {
    String p = "p".repeat(60);
    String q = "q".repeat(50);
    Path root = Files.createDirectory(dir.resolve("t"));
    Files.createDirectories(root.resolve(p).resolve(q));
    Files.writeString(root.resolve(p).resolve(q).resolve("file.yaml"), "x");
    List<TarBlocks.Header> headers =
        TarBlocks.headers(TarBlocks.tar(root, ArtifactOptions.defaults()));
    assertEquals(4, headers.size());
    assertEquals(p, headers.get(1).name());
    assertEquals("", headers.get(1).prefix());
    assertEquals(q, headers.get(2).name());
    assertEquals(p, headers.get(2).prefix());
    assertEquals("file.yaml", headers.get(3).name());
    assertEquals(p + "/" + q, headers.get(3).prefix());
    assertEquals(
        TarBlocks.checksumOf(headers.get(3).block()) + "\0 ", headers.get(3).field(148, 8));
  }

  @Test
  void splitUsesTheLastSlashWithinTheFirst156BytesLikeGo() throws IOException {
    String a = "a".repeat(150);
    String b = "b".repeat(10);
    String c = "c".repeat(20);
    Path root = Files.createDirectory(dir.resolve("t"));
    Files.createDirectories(root.resolve(a).resolve(b).resolve(c));
    byte[] tar = TarBlocks.tar(root, ArtifactOptions.defaults());
    List<TarBlocks.Header> headers = TarBlocks.headers(tar);
    // ".", PAX for a (one 150-byte component cannot be split), a, a/b, a/b/c
    assertEquals(5, headers.size());
    assertEquals('x', headers.get(1).type());
    assertEquals(b, headers.get(3).name());
    assertEquals(a, headers.get(3).prefix());
    assertEquals(b + "/" + c, headers.get(4).name());
    assertEquals(a, headers.get(4).prefix());
    assertEquals(List.of(".", a, a + "/" + b, a + "/" + b + "/" + c), TarBlocks.names(tar));
  }

  @Test
  void unsplittableNameGetsPaxHeaderEntry() throws IOException {
    String name = "n".repeat(115) + ".yaml"; // 120 bytes
    Path root = Files.createDirectory(dir.resolve("t"));
    Files.setPosixFilePermissions(
        Files.writeString(root.resolve(name), "data"),
        PosixFilePermissions.fromString("rw-r--r--"));
    byte[] tar = TarBlocks.tar(root, ArtifactOptions.defaults());
    List<TarBlocks.Header> headers = TarBlocks.headers(tar);
    assertEquals(3, headers.size());
    TarBlocks.Header pax = headers.get(1);
    assertEquals(("PaxHeaders.0/" + name).substring(0, 100), pax.field(0, 100));
    assertEquals("0000000\0", pax.field(100, 8));
    assertEquals("0000000\0", pax.field(108, 8));
    assertEquals("0000000\0", pax.field(116, 8));
    assertEquals("00000000202\0", pax.field(124, 12)); // 130 bytes
    assertEquals("00000000000\0", pax.field(136, 12));
    assertEquals(TarBlocks.checksumOf(pax.block()) + "\0 ", pax.field(148, 8));
    assertEquals('x', pax.type());
    assertEquals("ustar\00000", pax.field(257, 8));
    assertEquals("\0".repeat(512 - 265), pax.field(265, 512 - 265)); // no owner, no dev numbers
    assertEquals(
        "130 path=" + name + "\n", new String(TarBlocks.content(tar, pax), StandardCharsets.UTF_8));
    assertEquals(1536, headers.get(2).offset()); // root, PAX header, one PAX data block
    TarBlocks.Header main = headers.get(2);
    assertEquals(name.substring(0, 100), main.field(0, 100));
    assertEquals("", main.prefix());
    assertEquals("0000644\0", main.field(100, 8));
    assertEquals("0000000\0" + "0000000\0", main.field(329, 16));
    assertEquals(List.of(".", name), TarBlocks.names(tar));
  }

  @Test
  void nonAsciiNameGetsPaxHeaderAndAsciiOnlyMainName() throws IOException {
    Path root = Files.createDirectory(dir.resolve("t"));
    Files.writeString(root.resolve("\u00e9.txt"), "e");
    Files.createDirectory(root.resolve("\u00fc"));
    Files.writeString(root.resolve("\u00fc").resolve("x.yaml"), "u");
    byte[] tar = TarBlocks.tar(root, ArtifactOptions.defaults());
    List<TarBlocks.Header> headers = TarBlocks.headers(tar);
    assertEquals(7, headers.size());
    assertEquals("PaxHeaders.0/.txt", headers.get(1).name());
    assertEquals("00000000017\0", headers.get(1).field(124, 12));
    assertEquals(
        "15 path=\u00e9.txt\n",
        new String(TarBlocks.content(tar, headers.get(1)), StandardCharsets.UTF_8));
    assertEquals(".txt", headers.get(2).name());
    assertEquals("PaxHeaders.0", headers.get(3).name());
    assertEquals("", headers.get(4).name());
    assertEquals('5', headers.get(4).type());
    // Go joins dir "ü" with "PaxHeaders.0" and then drops the non-ASCII bytes
    assertEquals("/PaxHeaders.0/x.yaml", headers.get(5).name());
    assertEquals("/x.yaml", headers.get(6).name());
    assertEquals(List.of(".", "\u00e9.txt", "\u00fc", "\u00fc/x.yaml"), TarBlocks.names(tar));
  }
}
