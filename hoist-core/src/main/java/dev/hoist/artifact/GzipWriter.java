package dev.hoist.artifact;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A gzip member with the header Go's compress/gzip writes by default (no name, mtime 0, XFL 0, OS
 * 255), then raw deflate and the CRC-32 and length trailer. {@link java.util.zip.GZIPOutputStream}
 * writes OS 0.
 */
public final class GzipWriter extends OutputStream {
  static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final OutputStream out;
  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  private final DeflaterOutputStream deflate;
  private final CRC32 crc = new CRC32();
  private long length;
  private boolean finished;

  public GzipWriter(OutputStream out) throws IOException {
    this.out = out;
    out.write(HEADER);
    this.deflate = new DeflaterOutputStream(out, deflater, 64 * 1024);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    deflate.write(b, off, len);
    crc.update(b, off, len);
    length += len;
  }

  /** Ends the deflate stream and writes the trailer; the underlying stream stays open. */
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    deflate.finish();
    deflater.end();
    writeIntLe(crc.getValue());
    writeIntLe(length);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      finish();
    } finally {
      deflater.end();
      out.close();
    }
  }

  private void writeIntLe(long value) throws IOException {
    out.write((int) value & 0xff);
    out.write((int) (value >>> 8) & 0xff);
    out.write((int) (value >>> 16) & 0xff);
    out.write((int) (value >>> 24) & 0xff);
  }
}
