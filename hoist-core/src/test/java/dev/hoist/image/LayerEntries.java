package dev.hoist.image;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a gzip layer tar for assertions: every entry's name, type, mode, owner, time and content.
 */
final class LayerEntries {
  @SuppressWarnings("ArrayRecordComponent") // carries bytes; never compared or hashed
  record Entry(String name, char type, int mode, long uid, long gid, long mtime, byte[] content) {
    /** {@code name type mode uid:gid mtime size}, for whole-list assertions. */
    String summary() {
      return name
          + " "
          + type
          + " "
          + Integer.toOctalString(mode)
          + " "
          + uid
          + ":"
          + gid
          + " "
          + mtime
          + " "
          + content.length;
    }
  }

  private LayerEntries() {}

  static List<Entry> read(byte[] gzipTar) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (DataInputStream in =
        new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(gzipTar)))) {
      String paxPath = null;
      while (true) {
        byte[] header = new byte[512];
        if (in.read(header, 0, 1) < 0) {
          break;
        }
        in.readFully(header, 1, 511);
        if (header[0] == 0) {
          break;
        }
        long size = number(header, 124, 12);
        char type = (char) header[156];
        byte[] content = new byte[(int) size];
        in.readFully(content);
        in.skipNBytes((512 - size % 512) % 512);
        if (type == 'x') {
          for (String line : new String(content, StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.contains(" path=")) {
              paxPath = line.substring(line.indexOf(" path=") + 6);
            }
          }
          continue;
        }
        String name =
            paxPath != null
                ? paxPath
                : text(header, 345, 155).isEmpty()
                    ? text(header, 0, 100)
                    : text(header, 345, 155) + "/" + text(header, 0, 100);
        paxPath = null;
        entries.add(
            new Entry(
                name,
                type,
                (int) number(header, 100, 8),
                number(header, 108, 8),
                number(header, 116, 8),
                number(header, 136, 12),
                content));
      }
    }
    return entries;
  }

  static List<String> summaries(byte[] gzipTar) throws IOException {
    return read(gzipTar).stream().map(Entry::summary).toList();
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }

  private static long number(byte[] header, int offset, int length) {
    String value = text(header, offset, length).trim();
    return value.isEmpty() ? 0 : Long.parseLong(value, 8);
  }

  static InputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }
}
