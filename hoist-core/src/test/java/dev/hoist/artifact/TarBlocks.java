package dev.hoist.artifact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test-side view of raw tar bytes: header blocks in order, written independently of the main code.
 */
final class TarBlocks {
  @SuppressWarnings("ArrayRecordComponent") // carries bytes; never compared or hashed
  record Header(int offset, byte[] block) {
    String field(int at, int length) {
      return new String(block, at, length, StandardCharsets.UTF_8);
    }

    String name() {
      return cString(0, 100);
    }

    String prefix() {
      return cString(345, 155);
    }

    char type() {
      return (char) block[156];
    }

    long size() {
      return Long.parseLong(cString(124, 12), 8);
    }

    String cString(int at, int length) {
      int end = at;
      while (end < at + length && block[end] != 0) {
        end++;
      }
      return new String(block, at, end - at, StandardCharsets.UTF_8);
    }
  }

  private TarBlocks() {}

  static byte[] tar(Path tree, ArtifactOptions options) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ArtifactPacker().writeTar(tree, options, out);
    return out.toByteArray();
  }

  /** Every header block (PAX headers included) up to the first zero block. */
  static List<Header> headers(byte[] tar) {
    List<Header> headers = new ArrayList<>();
    int at = 0;
    while (at + 512 <= tar.length) {
      byte[] block = Arrays.copyOfRange(tar, at, at + 512);
      if (Arrays.equals(block, new byte[512])) {
        break;
      }
      Header h = new Header(at, block);
      headers.add(h);
      long size = h.type() == '5' ? 0 : h.size();
      at += 512 + (int) ((size + 511) / 512 * 512);
    }
    return headers;
  }

  /** Full entry names (prefix joined, PAX path applied), PAX headers themselves left out. */
  static List<String> names(byte[] tar) {
    List<String> names = new ArrayList<>();
    String pax = null;
    for (Header h : headers(tar)) {
      if (h.type() == 'x') {
        String record = new String(tar, h.offset() + 512, (int) h.size(), StandardCharsets.UTF_8);
        pax = record.substring(record.indexOf("path=") + 5, record.length() - 1);
        continue;
      }
      String name = h.prefix().isEmpty() ? h.name() : h.prefix() + "/" + h.name();
      names.add(pax != null ? pax : name);
      pax = null;
    }
    return names;
  }

  /** The content bytes of the entry whose header is {@code h}. */
  static byte[] content(byte[] tar, Header h) {
    return Arrays.copyOfRange(tar, h.offset() + 512, h.offset() + 512 + (int) h.size());
  }

  /**
   * A copy of {@code tar} with the mode of the named entries (header names, such as {@code sub})
   * replaced and their header checksums recomputed.
   */
  static byte[] withModes(byte[] tar, java.util.Map<String, Integer> modes) {
    byte[] out = tar.clone();
    for (Header h : headers(tar)) {
      Integer mode = modes.get(h.name());
      if (mode == null) {
        continue;
      }
      byte[] field = String.format("%07o\0", mode).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(field, 0, out, h.offset() + 100, 8);
      byte[] block = Arrays.copyOfRange(out, h.offset(), h.offset() + 512);
      byte[] sum = (checksumOf(block) + "\0 ").getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(sum, 0, out, h.offset() + 148, 8);
    }
    return out;
  }

  /** The sum of all header bytes with the checksum field counted as spaces, as an octal string. */
  static String checksumOf(byte[] block) {
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : block[i] & 0xff;
    }
    return String.format("%06o", sum);
  }
}
