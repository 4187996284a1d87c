package dev.hoist.artifact;

import java.nio.charset.StandardCharsets;

/**
 * Go archive/tar's rules for fitting a path into a header: USTAR prefix split, PAX fallback, ASCII
 * coercion.
 */
final class TarNames {
  private TarNames() {}

  /**
   * A name as it goes into a header: prefix and name fields, and whether a PAX {@code path} record
   * is needed.
   */
  record Placement(String prefix, String name, boolean needsPax) {}

  static Placement place(String fullName) {
    if (isAscii(fullName) && utf8Length(fullName) <= TarHeader.NAME_SIZE) {
      return new Placement("", fullName, false);
    }
    String[] split = splitUstar(fullName);
    if (split != null) {
      return new Placement(split[0], split[1], false);
    }
    return new Placement("", toAscii(fullName), true);
  }

  /**
   * Go's splitUSTARPath: the last '/' within the first 156 bytes; null when the split does not fit.
   */
  static String[] splitUstar(String name) {
    int length = name.length();
    if (length <= TarHeader.NAME_SIZE || !isAscii(name)) {
      return null;
    }
    if (length > TarHeader.PREFIX_SIZE + 1) {
      length = TarHeader.PREFIX_SIZE + 1;
    } else if (name.charAt(length - 1) == '/') {
      length--;
    }
    int i = name.lastIndexOf('/', length - 1);
    int suffixLength = name.length() - i - 1;
    if (i <= 0
        || suffixLength > TarHeader.NAME_SIZE
        || suffixLength == 0
        || i > TarHeader.PREFIX_SIZE) {
      return null;
    }
    return new String[] {name.substring(0, i), name.substring(i + 1)};
  }

  /** Go's path.Join(dir, "PaxHeaders.0", file) for the extended header of {@code fullName}. */
  static String paxHeaderName(String fullName) {
    int slash = fullName.lastIndexOf('/');
    String dir = slash < 0 ? "" : fullName.substring(0, slash);
    String file = fullName.substring(slash + 1);
    String joined =
        (dir.isEmpty() ? "" : dir + "/") + "PaxHeaders.0" + (file.isEmpty() ? "" : "/" + file);
    String ascii = toAscii(joined);
    byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length > TarHeader.NAME_SIZE) {
      ascii = ascii.substring(0, TarHeader.NAME_SIZE);
    }
    int end = ascii.length();
    while (end > 0 && ascii.charAt(end - 1) == '/') {
      end--;
    }
    return ascii.substring(0, end);
  }

  /** One PAX record, {@code "<len> key=value\n"}, the length counting itself. */
  static byte[] paxRecord(String key, String value) {
    int body = utf8Length(key) + utf8Length(value) + 3;
    int size = body + Integer.toString(body).length();
    if (Integer.toString(size).length() + body != size) {
      size = Integer.toString(size).length() + body;
    }
    return (size + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || c == 0) {
        return false;
      }
    }
    return true;
  }

  /** Drops every non-ASCII character and NUL, as Go's toASCII does rune by rune. */
  static String toAscii(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80 && c != 0) {
        b.append(c);
      }
    }
    return b.toString();
  }

  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
