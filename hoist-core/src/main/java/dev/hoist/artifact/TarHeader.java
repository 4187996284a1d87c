package dev.hoist.artifact;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One 512-byte tar header block laid out as Go's archive/tar writes it for the USTAR and PAX
 * formats: octal numbers zero-padded and NUL-terminated, magic {@code ustar\0}, version {@code 00},
 * checksum as six octal digits, NUL, space.
 */
final class TarHeader {
  static final int BLOCK = 512;
  static final byte TYPE_FILE = '0';
  static final byte TYPE_DIR = '5';
  static final byte TYPE_PAX = 'x';
  static final int NAME_SIZE = 100;
  static final int PREFIX_SIZE = 155;

  // field offsets and lengths (POSIX ustar)
  static final int NAME = 0;
  static final int MODE = 100;
  static final int UID = 108;
  static final int GID = 116;
  static final int SIZE = 124;
  static final int MTIME = 136;
  static final int CHKSUM = 148;
  static final int TYPEFLAG = 156;
  static final int MAGIC = 257;
  static final int VERSION = 263;
  static final int UNAME = 265;
  static final int GNAME = 297;
  static final int DEVMAJOR = 329;
  static final int DEVMINOR = 337;
  static final int PREFIX = 345;

  private final byte[] block = new byte[BLOCK];

  /** A main entry header (USTAR or the ustar part of PAX): all fields of Go's templateV7Plus. */
  static TarHeader entry(String name, String prefix, int mode, long size, byte typeflag) {
    TarHeader h = new TarHeader();
    h.string(NAME, NAME_SIZE, name);
    h.octal(MODE, 8, mode);
    h.octal(UID, 8, 0);
    h.octal(GID, 8, 0);
    h.octal(SIZE, 12, size);
    h.octal(MTIME, 12, 0);
    h.block[TYPEFLAG] = typeflag;
    h.string(UNAME, 32, "");
    h.string(GNAME, 32, "");
    h.octal(DEVMAJOR, 8, 0);
    h.octal(DEVMINOR, 8, 0);
    h.string(PREFIX, PREFIX_SIZE, prefix);
    return h.seal();
  }

  /**
   * The header of a PAX extended header file, as Go's writeRawFile: name, zero numbers, size; no
   * devs.
   */
  static TarHeader paxFile(String name, long size) {
    TarHeader h = new TarHeader();
    h.string(NAME, NAME_SIZE, name);
    h.octal(MODE, 8, 0);
    h.octal(UID, 8, 0);
    h.octal(GID, 8, 0);
    h.octal(SIZE, 12, size);
    h.octal(MTIME, 12, 0);
    h.block[TYPEFLAG] = TYPE_PAX;
    return h.seal();
  }

  byte[] bytes() {
    return block.clone();
  }

  private TarHeader seal() {
    byte[] magic = "ustar\0".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, block, MAGIC, magic.length);
    block[VERSION] = '0';
    block[VERSION + 1] = '0';
    Arrays.fill(block, CHKSUM, CHKSUM + 8, (byte) ' ');
    long sum = 0;
    for (byte b : block) {
      sum += b & 0xff;
    }
    octal(CHKSUM, 7, sum);
    block[CHKSUM + 7] = ' ';
    return this;
  }

  /**
   * Go's formatString: copy, NUL after when shorter; a cut that ends in '/' loses its trailing
   * slashes.
   */
  private void string(int offset, int length, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    int n = Math.min(bytes.length, length);
    System.arraycopy(bytes, 0, block, offset, n);
    if (bytes.length < length) {
      block[offset + bytes.length] = 0;
    }
    if (bytes.length > length && block[offset + length - 1] == '/') {
      int end = length;
      while (end > 0 && block[offset + end - 1] == '/') {
        end--;
      }
      block[offset + end] = 0;
    }
  }

  /** Go's formatOctal: octal digits, left-padded with '0' to length-1, then NUL. */
  private void octal(int offset, int length, long value) {
    String digits = Long.toOctalString(value);
    if (digits.length() > length - 1) {
      throw new IllegalArgumentException(
          "value " + value + " does not fit a " + length + "-byte tar field");
    }
    String padded = "0".repeat(length - 1 - digits.length()) + digits;
    byte[] bytes = padded.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, block, offset, bytes.length);
    block[offset + bytes.length] = 0;
  }
}
