package dev.hoist.sign;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** scrypt (RFC 7914): the key derivation cosign's encrypted private keys use. */
final class Scrypt {
  private Scrypt() {}

  static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int length) {
    if (n < 2 || (n & (n - 1)) != 0) {
      throw new IllegalArgumentException("scrypt N must be a power of 2 above 1, not " + n);
    }
    byte[] b = pbkdf2(password, salt, p * 128 * r);
    int[] x = new int[32 * r];
    int[] v = new int[32 * r * n];
    for (int i = 0; i < p; i++) {
      roMix(b, i * 128 * r, r, n, x, v);
    }
    return pbkdf2(password, b, length);
  }

  /** PBKDF2-HMAC-SHA256 with one iteration. */
  private static byte[] pbkdf2(byte[] password, byte[] salt, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      // an empty password is allowed (cosign accepts one); SecretKeySpec refuses zero bytes
      mac.init(password.length == 0 ? new EmptyKey() : new SecretKeySpec(password, "HmacSHA256"));
      byte[] out = new byte[length];
      for (int block = 1, offset = 0; offset < length; block++, offset += 32) {
        mac.update(salt);
        mac.update(ByteBuffer.allocate(4).putInt(block).array());
        byte[] u = mac.doFinal();
        System.arraycopy(u, 0, out, offset, Math.min(32, length - offset));
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no HmacSHA256: " + e.getMessage(), e);
    }
  }

  /** An HMAC key of zero bytes (SecretKeySpec refuses an empty array). */
  private static final class EmptyKey implements javax.crypto.SecretKey {
    private static final long serialVersionUID = 1L;

    @Override
    public String getAlgorithm() {
      return "HmacSHA256";
    }

    @Override
    public String getFormat() {
      return "RAW";
    }

    @Override
    public byte[] getEncoded() {
      return new byte[0];
    }
  }

  private static void roMix(byte[] b, int offset, int r, int n, int[] x, int[] v) {
    int words = 32 * r;
    ByteBuffer in = ByteBuffer.wrap(b, offset, 128 * r).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < words; i++) {
      x[i] = in.getInt();
    }
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, 0, v, i * words, words);
      blockMix(x, r);
    }
    for (int i = 0; i < n; i++) {
      int j = x[(2 * r - 1) * 16] & (n - 1);
      for (int k = 0; k < words; k++) {
        x[k] ^= v[j * words + k];
      }
      blockMix(x, r);
    }
    ByteBuffer out = ByteBuffer.wrap(b, offset, 128 * r).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < words; i++) {
      out.putInt(x[i]);
    }
  }

  private static void blockMix(int[] b, int r) {
    int[] x = new int[16];
    System.arraycopy(b, (2 * r - 1) * 16, x, 0, 16);
    int[] y = new int[32 * r];
    for (int i = 0; i < 2 * r; i++) {
      for (int k = 0; k < 16; k++) {
        x[k] ^= b[i * 16 + k];
      }
      Salsa20.core(x, x, 8);
      // even blocks first, then odd ones
      int dest = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
      System.arraycopy(x, 0, y, dest, 16);
    }
    System.arraycopy(y, 0, b, 0, 32 * r);
  }
}
