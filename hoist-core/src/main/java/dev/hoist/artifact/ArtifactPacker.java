package dev.hoist.artifact;

import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Packs a directory (or a single file) into a Flux OCI artifact layer: a gzip-compressed tar whose
 * tar stream is byte-identical to what {@code flux build artifact} (Flux 2.9) writes for the same
 * tree.
 */
public final class ArtifactPacker {

  /**
   * Writes the .tar.gz atomically (temp file beside it, then rename) and returns its descriptor.
   */
  public PackedArtifact pack(Path dirOrFile, ArtifactOptions options, Path outputTgz)
      throws IOException {
    TreeScan.Result scan = TreeScan.scan(dirOrFile, options);
    Path target = outputTgz.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp))) {
        GzipWriter gzip = new GzipWriter(file);
        write(scan.entries(), gzip);
        gzip.finish();
      }
      readableByGroup(temp);
      Digest digest = Digest.sha256(temp);
      long size = Files.size(temp);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new PackedArtifact(
          target, new Descriptor(MediaTypes.FLUX_CONTENT, digest, size), scan.warnings());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Flux leaves built artifacts at mode 0640. */
  private static void readableByGroup(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, Modes.permissions(0640));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the default
    }
  }

  /**
   * Writes the uncompressed tar stream of the tree to {@code out} (left open) and returns the
   * warnings. This is the stream inside the layer, for tests and for comparing trees.
   */
  public List<String> writeTar(Path dirOrFile, ArtifactOptions options, OutputStream out)
      throws IOException {
    TreeScan.Result scan = TreeScan.scan(dirOrFile, options);
    write(scan.entries(), out);
    return scan.warnings();
  }

  private static void write(List<TreeEntry> entries, OutputStream out) throws IOException {
    TarWriter tar = new TarWriter(out);
    for (TreeEntry entry : entries) {
      if (entry.directory()) {
        tar.directory(entry.name(), entry.mode());
      } else {
        try (InputStream in = Files.newInputStream(entry.source())) {
          tar.file(entry.name(), entry.mode(), entry.size(), in);
        }
      }
    }
    tar.finish();
  }
}
