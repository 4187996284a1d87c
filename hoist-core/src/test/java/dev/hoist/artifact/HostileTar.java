package dev.hoist.artifact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** A tiny tar writer for tests that writes whatever it is told, including hostile entries. */
final class HostileTar {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  HostileTar entry(String name, char type, byte[] content, String linkName) {
    out.writeBytes(header(name, type, content.length, linkName));
    out.writeBytes(content);
    int rest = content.length % 512;
    if (rest != 0) {
      out.writeBytes(new byte[512 - rest]);
    }
    return this;
  }

  HostileTar file(String name, String content) {
    return entry(name, '0', content.getBytes(StandardCharsets.UTF_8), "");
  }

  HostileTar pax(String path) {
    String body = " path=" + path + "\n";
    int len = body.length() + 2;
    return entry("PaxHeaders.0/x", 'x', (len + body).getBytes(StandardCharsets.UTF_8), "");
  }

  /** A header claiming {@code size} bytes followed by that many zero bytes. */
  HostileTar zeros(String name, int size) {
    return entry(name, '0', new byte[size], "");
  }

  byte[] tgz() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
      z.write(out.toByteArray());
      z.write(new byte[1024]);
    }
    return gz.toByteArray();
  }

  /** A USTAR header with a valid checksum: mode 0644, uid/gid 0, mtime 0. */
  static byte[] header(String name, char type, long size, String linkName) {
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", size));
    put(h, 136, "00000000000");
    h[156] = (byte) type;
    put(h, 157, linkName);
    put(h, 257, "ustar");
    put(h, 263, "00");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    return h;
  }

  private static void put(byte[] h, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, at, b.length);
  }
}
