package dev.hoist.sign;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The Salsa20 core, HSalsa20 and the XSalsa20 key stream (for scrypt and NaCl's secretbox). */
final class Salsa20 {
  private static final int[] SIGMA =
      words("expand 32-byte k".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 4);

  private Salsa20() {}

  /** The core over 16 words: {@code out = in + rounds(in)} (in and out may be the same array). */
  static void core(int[] in, int[] out, int rounds) {
    int[] x = in.clone();
    rounds(x, rounds);
    for (int i = 0; i < 16; i++) {
      out[i] = x[i] + in[i];
    }
  }

  private static void rounds(int[] x, int rounds) {
    for (int i = 0; i < rounds; i += 2) {
      x[4] ^= Integer.rotateLeft(x[0] + x[12], 7);
      x[8] ^= Integer.rotateLeft(x[4] + x[0], 9);
      x[12] ^= Integer.rotateLeft(x[8] + x[4], 13);
      x[0] ^= Integer.rotateLeft(x[12] + x[8], 18);
      x[9] ^= Integer.rotateLeft(x[5] + x[1], 7);
      x[13] ^= Integer.rotateLeft(x[9] + x[5], 9);
      x[1] ^= Integer.rotateLeft(x[13] + x[9], 13);
      x[5] ^= Integer.rotateLeft(x[1] + x[13], 18);
      x[14] ^= Integer.rotateLeft(x[10] + x[6], 7);
      x[2] ^= Integer.rotateLeft(x[14] + x[10], 9);
      x[6] ^= Integer.rotateLeft(x[2] + x[14], 13);
      x[10] ^= Integer.rotateLeft(x[6] + x[2], 18);
      x[3] ^= Integer.rotateLeft(x[15] + x[11], 7);
      x[7] ^= Integer.rotateLeft(x[3] + x[15], 9);
      x[11] ^= Integer.rotateLeft(x[7] + x[3], 13);
      x[15] ^= Integer.rotateLeft(x[11] + x[7], 18);
      x[1] ^= Integer.rotateLeft(x[0] + x[3], 7);
      x[2] ^= Integer.rotateLeft(x[1] + x[0], 9);
      x[3] ^= Integer.rotateLeft(x[2] + x[1], 13);
      x[0] ^= Integer.rotateLeft(x[3] + x[2], 18);
      x[6] ^= Integer.rotateLeft(x[5] + x[4], 7);
      x[7] ^= Integer.rotateLeft(x[6] + x[5], 9);
      x[4] ^= Integer.rotateLeft(x[7] + x[6], 13);
      x[5] ^= Integer.rotateLeft(x[4] + x[7], 18);
      x[11] ^= Integer.rotateLeft(x[10] + x[9], 7);
      x[8] ^= Integer.rotateLeft(x[11] + x[10], 9);
      x[9] ^= Integer.rotateLeft(x[8] + x[11], 13);
      x[10] ^= Integer.rotateLeft(x[9] + x[8], 18);
      x[12] ^= Integer.rotateLeft(x[15] + x[14], 7);
      x[13] ^= Integer.rotateLeft(x[12] + x[15], 9);
      x[14] ^= Integer.rotateLeft(x[13] + x[12], 13);
      x[15] ^= Integer.rotateLeft(x[14] + x[13], 18);
    }
  }

  /** XSalsa20's key stream of {@code length} bytes for a 32-byte key and a 24-byte nonce. */
  static byte[] xstream(byte[] key, byte[] nonce, int length) {
    int[] k = words(key, 8);
    int[] n = words(nonce, 6);
    // HSalsa20: the subkey from the key and the first 16 nonce bytes
    int[] h = state(k, n[0], n[1], n[2], n[3]);
    rounds(h, 20);
    int[] subkey = {h[0], h[5], h[10], h[15], h[6], h[7], h[8], h[9]};
    byte[] out = new byte[length];
    int[] block = new int[16];
    ByteBuffer bytes = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    for (long counter = 0, offset = 0; offset < length; counter++, offset += 64) {
      core(state(subkey, n[4], n[5], (int) counter, (int) (counter >>> 32)), block, 20);
      bytes.clear();
      for (int w : block) {
        bytes.putInt(w);
      }
      System.arraycopy(bytes.array(), 0, out, (int) offset, (int) Math.min(64, length - offset));
    }
    return out;
  }

  private static int[] state(int[] k, int a, int b, int c, int d) {
    return new int[] {
      SIGMA[0], k[0], k[1], k[2], k[3], SIGMA[1], a, b, c, d, SIGMA[2], k[4], k[5], k[6], k[7],
      SIGMA[3]
    };
  }

  private static int[] words(byte[] bytes, int count) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = in.getInt();
    }
    return out;
  }
}
