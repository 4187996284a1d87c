package dev.hoist.oci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest, {@code sha256:<64 hex>}. Only sha256 is produced; sha512 is accepted when
 * parsing.
 */
public record Digest(String algorithm, String hex) {
  private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

  public Digest {
    boolean ok =
        switch (algorithm) {
          case "sha256" -> SHA256.matcher(hex).matches();
          case "sha512" -> SHA512.matcher(hex).matches();
          default -> false;
        };
    if (!ok) {
      throw new IllegalArgumentException("invalid digest: " + algorithm + ":" + hex);
    }
  }

  /** Parses {@code sha256:<hex>}; throws {@link IllegalArgumentException} naming the value. */
  public static Digest parse(String value) {
    int colon = value == null ? -1 : value.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("invalid digest: " + value);
    }
    return new Digest(value.substring(0, colon), value.substring(colon + 1));
  }

  public static Digest sha256(byte[] content) {
    return new Digest("sha256", HexFormat.of().formatHex(sha256().digest(content)));
  }

  public static Digest sha256(Path file) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return new Digest("sha256", HexFormat.of().formatHex(md.digest()));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first 12 hex characters, for people. */
  public String shortHex() {
    return hex.substring(0, 12);
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
