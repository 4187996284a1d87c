package dev.hoist.sign;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * NaCl's {@code crypto_secretbox} (XSalsa20 + Poly1305): the output is the 16-byte tag followed by
 * the ciphertext, as Go's {@code secretbox.Seal} and libsodium's {@code crypto_secretbox_easy}
 * write it.
 */
final class SecretBox {
  private static final BigInteger P = BigInteger.ONE.shiftLeft(130).subtract(BigInteger.valueOf(5));

  private SecretBox() {}

  static byte[] seal(byte[] plaintext, byte[] nonce, byte[] key) {
    byte[] stream = Salsa20.xstream(key, nonce, 32 + plaintext.length);
    byte[] out = new byte[16 + plaintext.length];
    for (int i = 0; i < plaintext.length; i++) {
      out[16 + i] = (byte) (plaintext[i] ^ stream[32 + i]);
    }
    byte[] tag = poly1305(Arrays.copyOfRange(stream, 0, 32), out, 16, plaintext.length);
    System.arraycopy(tag, 0, out, 0, 16);
    return out;
  }

  /** The plaintext, or null when the tag does not verify (a wrong key or a changed box). */
  static byte[] open(byte[] box, byte[] nonce, byte[] key) {
    if (box.length < 16) {
      return null;
    }
    int length = box.length - 16;
    byte[] stream = Salsa20.xstream(key, nonce, 32 + length);
    byte[] tag = poly1305(Arrays.copyOfRange(stream, 0, 32), box, 16, length);
    if (!MessageDigest.isEqual(tag, Arrays.copyOfRange(box, 0, 16))) {
      return null;
    }
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) (box[16 + i] ^ stream[32 + i]);
    }
    return out;
  }

  /** Poly1305 (RFC 8439 section 2.5) of {@code message[offset, offset + length)}. */
  static byte[] poly1305(byte[] oneTimeKey, byte[] message, int offset, int length) {
    byte[] rBytes = Arrays.copyOfRange(oneTimeKey, 0, 16);
    rBytes[3] &= 15;
    rBytes[7] &= 15;
    rBytes[11] &= 15;
    rBytes[15] &= 15;
    rBytes[4] &= (byte) 252;
    rBytes[8] &= (byte) 252;
    rBytes[12] &= (byte) 252;
    BigInteger r = little(rBytes);
    BigInteger s = little(Arrays.copyOfRange(oneTimeKey, 16, 32));
    BigInteger acc = BigInteger.ZERO;
    for (int i = 0; i < length; i += 16) {
      int n = Math.min(16, length - i);
      byte[] block = new byte[n + 1];
      System.arraycopy(message, offset + i, block, 0, n);
      block[n] = 1;
      acc = acc.add(little(block)).multiply(r).mod(P);
    }
    byte[] sum = acc.add(s).toByteArray();
    byte[] tag = new byte[16];
    // the low 128 bits, little-endian
    for (int i = 0; i < 16 && i < sum.length; i++) {
      tag[i] = sum[sum.length - 1 - i];
    }
    return tag;
  }

  private static BigInteger little(byte[] bytes) {
    byte[] big = new byte[bytes.length + 1];
    for (int i = 0; i < bytes.length; i++) {
      big[bytes.length - i] = bytes[i];
    }
    return new BigInteger(big);
  }
}
