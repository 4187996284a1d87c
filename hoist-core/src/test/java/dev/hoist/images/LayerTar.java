package dev.hoist.images;

import dev.hoist.oci.Digest;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a gzip image layer for test base images: directories, files and symbolic links (which Jib
 * cannot write), owned by root with a fixed time, while hashing both the compressed blob and the
 * tar (diff id).
 */
final class LayerTar implements Closeable {
  /** A written layer: the gzip file, its digest and size, and the uncompressed tar's digest. */
  record Layer(Path file, Digest digest, long size, Digest diffId) {}

  private final Path file;
  private final MessageDigest compressed = sha256();
  private final MessageDigest uncompressed = sha256();
  private final TarArchiveOutputStream tar;

  LayerTar(Path file) throws IOException {
    this.file = file;
    OutputStream out = new DigestOutputStream(Files.newOutputStream(file), compressed);
    GZIPOutputStream gzip =
        new GZIPOutputStream(out, 1 << 16) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        };
    tar = new TarArchiveOutputStream(new DigestOutputStream(gzip, uncompressed));
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  void dir(String path, int mode) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(path.endsWith("/") ? path : path + "/");
    entry.setMode(040000 | mode);
    put(entry, null);
  }

  void file(String path, Path source, int mode) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(path);
    entry.setMode(0100000 | mode);
    entry.setSize(Files.size(source));
    put(entry, source);
  }

  void symlink(String path, String target) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
    entry.setLinkName(target);
    entry.setMode(0120777);
    put(entry, null);
  }

  private void put(TarArchiveEntry entry, Path source) throws IOException {
    entry.setModTime(1000L);
    entry.setIds(0, 0);
    tar.putArchiveEntry(entry);
    if (source != null) {
      Files.copy(source, tar);
    }
    tar.closeArchiveEntry();
  }

  /** Finishes the archive and returns what was written. */
  Layer finish() throws IOException {
    close();
    return new Layer(file, hex(compressed), Files.size(file), hex(uncompressed));
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }

  private static Digest hex(MessageDigest md) {
    return new Digest("sha256", HexFormat.of().formatHex(md.digest()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
