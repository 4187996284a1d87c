package dev.hoist.tar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads PAX extended header records ({@code "<len> key=value\n"}) and picks out {@code path}. */
final class PaxRecords {
  private PaxRecords() {}

  /** The last {@code path} record's value, or null when there is none. */
  static String path(byte[] data) throws IOException {
    String path = null;
    int i = 0;
    while (i < data.length) {
      int space = i;
      while (space < data.length && data[space] != ' ') {
        space++;
      }
      int length;
      try {
        length = Integer.parseInt(new String(data, i, space - i, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw new IOException("tar PAX header has a bad record length");
      }
      if (length <= space - i + 1 || i + length > data.length || data[i + length - 1] != '\n') {
        throw new IOException("tar PAX header has a bad record");
      }
      String record = new String(data, space + 1, i + length - space - 2, StandardCharsets.UTF_8);
      int eq = record.indexOf('=');
      if (eq > 0 && record.substring(0, eq).equals("path")) {
        path = record.substring(eq + 1);
      }
      i += length;
    }
    return path;
  }
}
