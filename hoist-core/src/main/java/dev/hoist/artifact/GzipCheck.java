package dev.hoist.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Checks a downloaded {@code .tgz} the way Go's gzip reader (Flux's) reads it: one or more complete
 * gzip members (RFC 1952, each with a correct CRC-32 and length) and nothing else. Java's {@link
 * java.util.zip.GZIPInputStream} silently ignores bytes after the last member; hoist refuses them,
 * so what it extracts is exactly what Flux would. Decompression stops at {@code maxUncompressed}
 * bytes (a gzip bomb).
 */
final class GzipCheck {
  private static final int FTEXT_FHCRC = 0x02;
  private static final int FEXTRA = 0x04;
  private static final int FNAME = 0x08;
  private static final int FCOMMENT = 0x10;

  private GzipCheck() {}

  /** Throws naming {@code what} and the offset of the first byte that is not gzip. */
  static void check(Path file, String what, long maxUncompressed) throws IOException {
    byte[] data = Files.readAllBytes(file);
    int at = 0;
    int members = 0;
    while (at < data.length) {
      if (data.length - at < 18 || (data[at] & 0xff) != 0x1f || (data[at + 1] & 0xff) != 0x8b) {
        throw new IOException(
            what
                + ": "
                + (data.length - at)
                + (members == 0
                    ? " bytes that are not gzip"
                    : " bytes of trailing garbage after the gzip stream")
                + " at offset "
                + at);
      }
      at = member(data, at, what, maxUncompressed);
      members++;
    }
    if (members == 0) {
      throw new IOException(what + ": empty, not gzip");
    }
  }

  private static int member(byte[] d, int start, String what, long max) throws IOException {
    if ((d[start + 2] & 0xff) != 8) {
      throw new IOException(what + ": gzip member at offset " + start + " is not deflate");
    }
    int flags = d[start + 3] & 0xff;
    int at = start + 10;
    try {
      if ((flags & FEXTRA) != 0) {
        at += 2 + ((d[at] & 0xff) | (d[at + 1] & 0xff) << 8);
      }
      if ((flags & FNAME) != 0) {
        while (d[at++] != 0) {}
      }
      if ((flags & FCOMMENT) != 0) {
        while (d[at++] != 0) {}
      }
      if ((flags & FTEXT_FHCRC) != 0) {
        at += 2;
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new IOException(what + ": truncated gzip header at offset " + start);
    }
    Inflater inflater = new Inflater(true);
    CRC32 crc = new CRC32();
    long size = 0;
    try {
      inflater.setInput(d, at, d.length - at);
      byte[] buf = new byte[64 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IOException(what + ": truncated gzip stream (member at offset " + start + ")");
        }
        crc.update(buf, 0, n);
        size += n;
        if (size > max) {
          throw new IOException(what + ": more than " + max + " bytes uncompressed");
        }
      }
      at = d.length - inflater.getRemaining();
    } catch (DataFormatException e) {
      throw new IOException(what + ": corrupt gzip data (member at offset " + start + ")");
    } finally {
      inflater.end();
    }
    if (d.length - at < 8) {
      throw new IOException(what + ": truncated gzip trailer (member at offset " + start + ")");
    }
    long storedCrc = le32(d, at);
    long storedSize = le32(d, at + 4);
    if (storedCrc != crc.getValue() || storedSize != (size & 0xffffffffL)) {
      throw new IOException(what + ": gzip checksum mismatch (member at offset " + start + ")");
    }
    return at + 8;
  }

  private static long le32(byte[] d, int at) {
    return (d[at] & 0xffL)
        | (d[at + 1] & 0xffL) << 8
        | (d[at + 2] & 0xffL) << 16
        | (d[at + 3] & 0xffL) << 24;
  }
}
