package dev.hoist.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.tar.TarReader;
import dev.hoist.testing.InMemoryRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OCI tarball import and the tar reader under it, on tarballs written by commons-compress. */
class OciTarImportTest {
  @TempDir Path dir;

  private static final byte[] CONFIG =
      "{\"architecture\":\"amd64\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] LAYER = "not really gzip".getBytes(StandardCharsets.UTF_8);

  private static byte[] manifest() {
    return ("{\"schemaVersion\":2,\"mediaType\":\""
            + MediaTypes.OCI_MANIFEST
            + "\","
            + "\"config\":{\"mediaType\":\""
            + MediaTypes.OCI_CONFIG
            + "\",\"digest\":\""
            + Digest.sha256(CONFIG)
            + "\",\"size\":"
            + CONFIG.length
            + "},\"layers\":[{\"mediaType\":\""
            + MediaTypes.OCI_LAYER_GZIP
            + "\",\"digest\":\""
            + Digest.sha256(LAYER)
            + "\",\"size\":"
            + LAYER.length
            + "}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] index(Digest manifest) {
    return ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\""
            + MediaTypes.OCI_MANIFEST
            + "\",\"digest\":\""
            + manifest
            + "\",\"size\":"
            + manifest().length
            + "}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private Path tar(Map<String, byte[]> files, int longFileMode) throws IOException {
    Path tar = dir.resolve("image-" + files.size() + "-" + longFileMode + ".tar");
    try (OutputStream out = Files.newOutputStream(tar);
        TarArchiveOutputStream archive = new TarArchiveOutputStream(out)) {
      archive.setLongFileMode(longFileMode);
      archive.putArchiveEntry(new TarArchiveEntry("blobs/"));
      archive.closeArchiveEntry();
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        archive.putArchiveEntry(entry);
        archive.write(file.getValue());
        archive.closeArchiveEntry();
      }
    }
    return tar;
  }

  private Map<String, byte[]> image() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("oci-layout", "{\"imageLayoutVersion\": \"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
    files.put("blobs/sha256/" + Digest.sha256(LAYER).hex(), LAYER);
    files.put("blobs/sha256/" + Digest.sha256(CONFIG).hex(), CONFIG);
    files.put("blobs/sha256/" + Digest.sha256(manifest()).hex(), manifest());
    files.put("index.json", index(Digest.sha256(manifest())));
    return files;
  }

  @Test
  void importsBlobsThenTheManifestUnderTheTags() throws Exception {
    InMemoryRepository repo = new InMemoryRepository("mem");
    Path work = Files.createDirectory(dir.resolve("work"));
    Digest digest =
        OciTarImport.importTar(
                tar(image(), TarArchiveOutputStream.LONGFILE_ERROR),
                work,
                Digest.sha256(manifest()),
                repo,
                List.of("a", "b"))
            .digest();

    assertEquals(Digest.sha256(manifest()), digest);
    assertEquals(
        List.of(
            "blob " + MediaTypes.OCI_CONFIG + " " + Digest.sha256(CONFIG).shortHex(),
            "blob " + MediaTypes.OCI_LAYER_GZIP + " " + Digest.sha256(LAYER).shortHex(),
            "manifest " + MediaTypes.OCI_MANIFEST + " [a, b]"),
        repo.calls);
    assertArrayEquals(LAYER, repo.blob(Digest.sha256(LAYER)));
  }

  @Test
  void aManifestOtherThanJibReportedIsRefused() throws Exception {
    Path tar = tar(image(), TarArchiveOutputStream.LONGFILE_ERROR);
    Digest other = Digest.sha256(new byte[] {1});
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                OciTarImport.importTar(
                    tar,
                    Files.createDirectory(dir.resolve("work")),
                    other,
                    new InMemoryRepository("m"),
                    List.of()));
    assertEquals(
        "Jib tarball "
            + tar
            + " holds manifest "
            + Digest.sha256(manifest())
            + " but Jib reported "
            + other,
        e.getMessage());
  }

  @Test
  void aBlobThatDoesNotMatchItsNameIsRefused() throws Exception {
    Map<String, byte[]> files = image();
    files.put(
        "blobs/sha256/" + Digest.sha256(LAYER).hex(), "tampered".getBytes(StandardCharsets.UTF_8));
    Path tar = tar(files, TarArchiveOutputStream.LONGFILE_ERROR);
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                OciTarImport.importTar(
                    tar,
                    Files.createDirectory(dir.resolve("work")),
                    Digest.sha256(manifest()),
                    new InMemoryRepository("m"),
                    List.of()));
    assertEquals(
        "Jib tarball "
            + tar
            + ": blob "
            + Digest.sha256(LAYER)
            + " has digest "
            + Digest.sha256("tampered".getBytes(StandardCharsets.UTF_8)),
        e.getMessage());
  }

  @Test
  void tarReaderFollowsGnuAndPaxLongNames() throws Exception {
    String longName = "deep/" + "x".repeat(150) + "/file.txt";
    for (int mode :
        new int[] {TarArchiveOutputStream.LONGFILE_GNU, TarArchiveOutputStream.LONGFILE_POSIX}) {
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put(longName, "long".getBytes(StandardCharsets.UTF_8));
      files.put("short.txt", "s".repeat(700).getBytes(StandardCharsets.UTF_8));
      List<String> read = new ArrayList<>();
      try (InputStream in = Files.newInputStream(tar(files, mode))) {
        TarReader reader = new TarReader(in);
        for (TarReader.Entry entry; (entry = reader.next()) != null; ) {
          if (entry.type() != '0') {
            continue;
          }
          read.add(
              entry.name()
                  + "="
                  + entry.size()
                  + ":"
                  + new String(reader.content().readAllBytes(), StandardCharsets.UTF_8).length());
        }
      }
      assertEquals(List.of(longName + "=4:4", "short.txt=700:700"), read, "long file mode " + mode);
    }
  }
}
