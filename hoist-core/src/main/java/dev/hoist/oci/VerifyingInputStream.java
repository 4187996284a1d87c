package dev.hoist.oci;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes content through while hashing and counting it; throws at end of stream (or as soon as
 * there are too many bytes) when the content does not match the expected digest and size.
 */
final class VerifyingInputStream extends FilterInputStream {
  private final Digest expected;
  private final long size;
  private final String what;
  private final MessageDigest md;
  private long count;
  private boolean checked;

  VerifyingInputStream(InputStream in, Digest expected, long size, String what) {
    super(in);
    this.expected = expected;
    this.size = size;
    this.what = what;
    this.md = messageDigest(expected.algorithm());
  }

  static MessageDigest messageDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm.equals("sha512") ? "SHA-512" : "SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The digest of {@code content} with the algorithm of {@code like}. */
  static Digest digestOf(byte[] content, Digest like) {
    return new Digest(
        like.algorithm(),
        HexFormat.of().formatHex(messageDigest(like.algorithm()).digest(content)));
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n < 0) {
      check();
      return -1;
    }
    md.update(b, off, n);
    count += n;
    if (size >= 0 && count > size) {
      throw new IOException(what + ": more than the expected " + size + " bytes");
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void check() throws IOException {
    if (checked) {
      return;
    }
    checked = true;
    if (size >= 0 && count != size) {
      throw new IOException(what + ": got " + count + " bytes, expected " + size);
    }
    Digest actual = new Digest(expected.algorithm(), HexFormat.of().formatHex(md.digest()));
    if (!actual.equals(expected)) {
      throw new IOException(what + ": content has digest " + actual + ", expected " + expected);
    }
  }
}
