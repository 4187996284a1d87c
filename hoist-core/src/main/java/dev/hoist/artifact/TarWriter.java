package dev.hoist.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Writes tar entries byte-compatible with Go's archive/tar for the entries Flux writes: directories
 * and regular files, uid/gid 0, no owner names, mtime 0; ends with two zero blocks and no record
 * padding.
 */
public final class TarWriter {
  private static final byte[] ZERO_BLOCK = new byte[TarHeader.BLOCK];
  private static final long MAX_SIZE = 077777777777L;

  private final OutputStream out;

  public TarWriter(OutputStream out) {
    this.out = out;
  }

  public void directory(String name, int mode) throws IOException {
    header(name, mode, 0, TarHeader.TYPE_DIR);
  }

  /** A regular file whose content is exactly {@code size} bytes of {@code content}. */
  public void file(String name, int mode, long size, InputStream content) throws IOException {
    if (size > MAX_SIZE) {
      throw new IOException("file too large for an artifact (over 8 GiB): " + name);
    }
    header(name, mode, size, TarHeader.TYPE_FILE);
    byte[] buf = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int n = content.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new IOException("file shrank while packing: " + name);
      }
      out.write(buf, 0, n);
      left -= n;
    }
    if (content.read() >= 0) {
      throw new IOException("file grew while packing: " + name);
    }
    pad(size);
  }

  /** The end of the archive: two zero blocks. */
  public void finish() throws IOException {
    out.write(ZERO_BLOCK);
    out.write(ZERO_BLOCK);
    out.flush();
  }

  private void header(String name, int mode, long size, byte type) throws IOException {
    TarNames.Placement place = TarNames.place(name);
    if (place.needsPax()) {
      byte[] record = TarNames.paxRecord("path", name);
      out.write(TarHeader.paxFile(TarNames.paxHeaderName(name), record.length).bytes());
      out.write(record);
      pad(record.length);
    }
    out.write(TarHeader.entry(place.name(), place.prefix(), mode, size, type).bytes());
  }

  private void pad(long size) throws IOException {
    int rest = (int) (size % TarHeader.BLOCK);
    if (rest != 0) {
      out.write(ZERO_BLOCK, 0, TarHeader.BLOCK - rest);
    }
  }
}
