package dev.hoist.sign;

import java.util.Base64;

/** PEM blocks: {@code -----BEGIN <TYPE>-----}, base64, {@code -----END <TYPE>-----}. */
final class Pem {
  private Pem() {}

  static byte[] decode(String text, String type, String what) {
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(what + ": no " + begin + " block");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": the " + type + " block is not base64");
    }
  }

  static String encode(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
