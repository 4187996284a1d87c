package dev.hoist.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the regular files of an uncompressed tar stream (ustar, with GNU long names and PAX paths), one
 * entry at a time. Enough for the tarballs Jib writes; not a general archiver.
 */
final class TarReader {
  private static final int BLOCK = 512;

  private final InputStream in;
  private long remaining;
  private long padding;

  /** A regular file entry; its content is read from {@link #content()} before the next entry. */
  record Entry(String name, long size, InputStream content) {}

  TarReader(InputStream in) {
    this.in = in;
  }

  /** The next regular file, or null at the end of the archive. */
  Entry next() throws IOException {
    skipFully(remaining + padding);
    remaining = 0;
    padding = 0;
    String longName = null;
    while (true) {
      byte[] header = in.readNBytes(BLOCK);
      if (header.length == 0 || isZero(header)) {
        return null;
      }
      if (header.length < BLOCK) {
        throw new IOException("truncated tar header");
      }
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      String name = longName != null ? longName : name(header);
      longName = null;
      if (type == 'L' || type == 'x') {
        byte[] data = readData(size);
        longName = type == 'L' ? cString(data, 0, data.length) : paxPath(data);
        continue;
      }
      remaining = size;
      padding = (BLOCK - size % BLOCK) % BLOCK;
      if (type == '0' || type == 0) {
        return new Entry(name, size, new EntryStream());
      }
      skipFully(remaining + padding);
      remaining = 0;
      padding = 0;
    }
  }

  private byte[] readData(long size) throws IOException {
    if (size > 1 << 20) {
      throw new IOException("tar extended header too large: " + size);
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length != size) {
      throw new IOException("truncated tar extended header");
    }
    skipFully((BLOCK - size % BLOCK) % BLOCK);
    return data;
  }

  private static String paxPath(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    for (String record : text.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static String name(byte[] header) {
    String name = cString(header, 0, 100);
    String magic = cString(header, 257, 6);
    String prefix = magic.startsWith("ustar") ? cString(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String cString(byte[] bytes, int offset, int length) {
    int end = offset;
    while (end < offset + length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] header, int offset, int length) throws IOException {
    String text = cString(header, offset, length).strip();
    try {
      return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    } catch (NumberFormatException e) {
      throw new IOException("invalid tar header number: " + text);
    }
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private void skipFully(long count) throws IOException {
    try {
      in.skipNBytes(count);
    } catch (java.io.EOFException e) {
      throw new IOException("truncated tar");
    }
  }

  private final class EntryStream extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (remaining == 0) {
        return -1;
      }
      int n = in.read(buffer, offset, (int) Math.min(length, remaining));
      if (n < 0) {
        throw new IOException("truncated tar entry");
      }
      remaining -= n;
      return n;
    }
  }
}
