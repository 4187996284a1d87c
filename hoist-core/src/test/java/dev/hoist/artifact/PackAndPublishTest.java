package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.testing.InMemoryRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackAndPublishTest {
  @TempDir Path dir;

  private Path tree() throws IOException {
    Path root = Files.createDirectories(dir.resolve("src/deploy"));
    Files.writeString(root.resolve("app.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
    Files.writeString(root.resolve(".env"), "TOKEN=x");
    return dir.resolve("src");
  }

  @Test
  void gzipHasGoHeaderAndWrapsTheExactTarStream() throws IOException {
    Path src = tree();
    PackedArtifact packed =
        new ArtifactPacker().pack(src, ArtifactOptions.defaults(), dir.resolve("out/a.tgz"));
    byte[] gz = Files.readAllBytes(packed.file());
    assertArrayEquals(
        new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}, Arrays.copyOf(gz, 10));
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    new ArtifactPacker().writeTar(src, ArtifactOptions.defaults(), tar);
    byte[] unzipped;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(packed.file()))) {
      unzipped = in.readAllBytes();
    }
    assertArrayEquals(tar.toByteArray(), unzipped);
    CRC32 crc = new CRC32();
    crc.update(unzipped);
    int n = gz.length;
    long trailerCrc =
        (gz[n - 8] & 0xffL)
            | (gz[n - 7] & 0xffL) << 8
            | (gz[n - 6] & 0xffL) << 16
            | (gz[n - 5] & 0xffL) << 24;
    long trailerSize =
        (gz[n - 4] & 0xffL)
            | (gz[n - 3] & 0xffL) << 8
            | (gz[n - 2] & 0xffL) << 16
            | (gz[n - 1] & 0xffL) << 24;
    assertEquals(crc.getValue(), trailerCrc);
    assertEquals(unzipped.length, trailerSize);
    assertEquals(
        new Descriptor(MediaTypes.FLUX_CONTENT, Digest.sha256(gz), gz.length), packed.layer());
    assertEquals(
        List.of(
            "excluded deploy/.env (.env files are never packed unless ignore patterns are given)"),
        packed.warnings());
    assertEquals(List.of("a.tgz"), names(dir.resolve("out")));
  }

  @Test
  void packingTwiceGivesTheSameDigest() throws IOException {
    Path src = tree();
    PackedArtifact a =
        new ArtifactPacker().pack(src, ArtifactOptions.defaults(), dir.resolve("a.tgz"));
    PackedArtifact b =
        new ArtifactPacker().pack(src, ArtifactOptions.defaults(), dir.resolve("b.tgz"));
    assertEquals(a.layer(), b.layer());
  }

  @Test
  void failedPackLeavesNoOutput() throws IOException {
    Path src = tree();
    Files.createSymbolicLink(src.resolve("deploy/link"), Path.of("app.yaml"));
    Path out = dir.resolve("out/a.tgz");
    assertThrows(
        IOException.class, () -> new ArtifactPacker().pack(src, ArtifactOptions.defaults(), out));
    assertEquals(List.of(), Files.exists(out.getParent()) ? names(out.getParent()) : List.of());
  }

  @Test
  void publisherPushesConfigAndLayerBeforeManifest() throws IOException {
    PackedArtifact packed =
        new ArtifactPacker().pack(tree(), ArtifactOptions.defaults(), dir.resolve("a.tgz"));
    ArtifactMetadata meta =
        ArtifactMetadata.reproducible("https://example.com/repo", "v1@sha1:abc", Map.of());
    InMemoryRepository repo = new InMemoryRepository("fake/repo");
    Digest digest = new ArtifactPublisher().push(repo, packed, meta, List.of("v1", "latest"));
    assertEquals(
        List.of(
            "blob "
                + MediaTypes.FLUX_CONFIG
                + " "
                + ArtifactManifest.configDescriptor().digest().shortHex(),
            "blob " + MediaTypes.FLUX_CONTENT + " " + packed.layer().digest().shortHex(),
            "manifest " + MediaTypes.OCI_MANIFEST + " [v1, latest]"),
        repo.calls);
    byte[] manifest =
        ArtifactManifest.json(ArtifactManifest.configDescriptor(), packed.layer(), meta);
    assertEquals(Digest.sha256(manifest), digest);
    assertArrayEquals(manifest, repo.fetchManifest("latest").content());
    assertArrayEquals(Files.readAllBytes(packed.file()), repo.blobs.get(packed.layer().digest()));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
