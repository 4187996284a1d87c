package dev.hoist.tar;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small tar reader for pulled artifacts: ustar/v7 headers with checksum check, the ustar prefix,
 * PAX {@code path} records and GNU long names. It reports every entry's type; callers refuse what
 * they don't want.
 */
public final class TarReader {
  /** One entry header; {@code type} is the raw typeflag ('0' for both '0' and NUL). */
  public record Entry(String name, byte type, int mode, long size) {}

  // USTAR header layout
  private static final int BLOCK = 512;
  private static final int CHKSUM = 148;
  private static final int MAGIC = 257;
  private static final int MODE = 100;
  private static final int NAME = 0;
  private static final int NAME_SIZE = 100;
  private static final int PREFIX = 345;
  private static final int PREFIX_SIZE = 155;
  private static final int SIZE = 124;
  private static final int TYPEFLAG = 156;
  private static final int MAX_META = 1 << 20;
  private static final int MAX_META_HEADERS = 10_000;

  private final InputStream in;
  private long remaining;
  private long padding;
  private int metaHeaders;

  public TarReader(InputStream in) {
    this.in = in;
  }

  /** The next file or directory entry, or null at the end of the archive. */
  public Entry next() throws IOException {
    skip(remaining + padding);
    remaining = 0;
    padding = 0;
    String longName = null;
    while (true) {
      byte[] block = new byte[BLOCK];
      if (!readBlock(block)) {
        return null;
      }
      if (isZero(block)) {
        return null;
      }
      checkChecksum(block);
      byte type = block[TYPEFLAG] == 0 ? (byte) '0' : block[TYPEFLAG];
      long size = octal(block, SIZE, 12);
      if (type == 'x' || type == 'g' || type == 'L') {
        if (++metaHeaders > MAX_META_HEADERS) {
          throw new IOException(
              "tar archive has more than " + MAX_META_HEADERS + " extended headers");
        }
        if (size > MAX_META) {
          throw new IOException("tar extended header too large: " + size + " bytes");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) {
          throw new EOFException("tar archive truncated in an extended header");
        }
        skip(pad(size));
        if (type == 'x') {
          String path = PaxRecords.path(data);
          longName = path != null ? path : longName;
        } else if (type == 'L') {
          longName = cString(data, 0, data.length);
        }
        continue;
      }
      String name = cString(block, NAME, NAME_SIZE);
      if (new String(block, MAGIC, 5, StandardCharsets.US_ASCII).equals("ustar")) {
        String prefix = cString(block, PREFIX, PREFIX_SIZE);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
      }
      if (longName != null) {
        name = longName;
      }
      int mode = (int) (octal(block, MODE, 8) & 07777);
      boolean hasData = type == '0';
      remaining = hasData ? size : 0;
      padding = hasData ? pad(size) : 0;
      return new Entry(name, type, mode, size);
    }
  }

  /** The current entry's content; read at most {@code size} bytes from it. */
  public InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
          throw new EOFException("tar archive truncated inside an entry");
        }
        remaining -= n;
        return n;
      }
    };
  }

  private boolean readBlock(byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, block.length);
    if (n == 0) {
      return false;
    }
    if (n < block.length) {
      throw new EOFException("tar archive truncated in a header");
    }
    return true;
  }

  private void skip(long n) throws IOException {
    in.skipNBytes(n);
  }

  private static long pad(long size) {
    long rest = size % BLOCK;
    return rest == 0 ? 0 : BLOCK - rest;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static void checkChecksum(byte[] block) throws IOException {
    long stored = octal(block, CHKSUM, 8);
    long sum = 0;
    for (int i = 0; i < block.length; i++) {
      sum += (i >= CHKSUM && i < CHKSUM + 8) ? ' ' : block[i] & 0xff;
    }
    if (sum != stored) {
      throw new IOException(
          "tar header checksum mismatch (" + stored + " stored, " + sum + " computed)");
    }
  }

  static long octal(byte[] block, int offset, int length) throws IOException {
    if ((block[offset] & 0x80) != 0) {
      throw new IOException("tar header uses base-256 numbers, not supported");
    }
    long value = 0;
    int i = offset;
    int end = offset + length;
    while (i < end && (block[i] == ' ' || block[i] == 0)) {
      i++;
    }
    for (; i < end && block[i] != 0 && block[i] != ' '; i++) {
      if (block[i] < '0' || block[i] > '7') {
        throw new IOException("tar header has a bad octal number at offset " + offset);
      }
      value = value * 8 + (block[i] - '0');
      if (value > 077777777777L) {
        throw new IOException("tar header number too large at offset " + offset);
      }
    }
    return value;
  }

  private static String cString(byte[] data, int offset, int length) {
    int end = offset;
    while (end < offset + length && data[end] != 0) {
      end++;
    }
    return new String(data, offset, end - offset, StandardCharsets.UTF_8);
  }
}
