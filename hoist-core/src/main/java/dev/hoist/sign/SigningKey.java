package dev.hoist.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * Keys for cosign-compatible signatures: an ECDSA P-256 private key as PKCS#8 PEM ({@code
 * -----BEGIN PRIVATE KEY-----}) or in cosign's encrypted format ({@link CosignKeys}, password from
 * {@code COSIGN_PASSWORD}), read from a file or from an environment variable ({@code env://VAR}),
 * and its public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, the form of cosign's {@code
 * cosign.pub}). Signatures are ASN.1 DER ECDSA over SHA-256, as cosign makes them.
 */
public final class SigningKey {
  private final PrivateKey key;
  private final String source;

  private SigningKey(PrivateKey key, String source) {
    this.key = key;
    this.source = source;
  }

  /**
   * Loads {@code spec} ({@code FILE} or {@code env://VAR}); every problem is one line naming it.
   * Read before anything is pushed, so a bad key stops the command first.
   */
  public static SigningKey load(String spec, Map<String, String> env) {
    String pem;
    if (spec.startsWith("env://")) {
      String name = spec.substring("env://".length());
      pem = env.get(name);
      if (pem == null || pem.isBlank()) {
        throw new IllegalArgumentException(
            "--sign-key " + spec + ": variable " + name + " is not set");
      }
    } else {
      try {
        pem = Files.readString(Path.of(spec), StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("--sign-key " + spec + ": file not found");
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "--sign-key " + spec + ": cannot read: " + e.getMessage());
      }
    }
    byte[] der;
    if (CosignKeys.isEncrypted(pem)) {
      // cosign's encrypted format: the password comes from COSIGN_PASSWORD, as cosign reads it
      String password = env.get("COSIGN_PASSWORD");
      if (password == null) {
        throw new IllegalArgumentException(
            "--sign-key "
                + spec
                + ": an encrypted cosign key needs COSIGN_PASSWORD (it may be empty)");
      }
      der = CosignKeys.decrypt(pem, password, "--sign-key " + spec);
    } else {
      der = Pem.decode(pem, "PRIVATE KEY", "--sign-key " + spec);
    }
    try {
      PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
      if (!(key instanceof ECPrivateKey ec)
          || ec.getParams().getCurve().getField().getFieldSize() != 256) {
        throw new IllegalArgumentException("--sign-key " + spec + ": not an ECDSA P-256 key");
      }
      return new SigningKey(key, spec);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "--sign-key " + spec + ": not an EC PKCS#8 private key (" + e.getMessage() + ")");
    }
  }

  /** Reads a public key PEM ({@code cosign.pub}). */
  public static PublicKey publicKey(Path file) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("--key " + file + ": cannot read: " + e.getMessage());
    }
    byte[] der = Pem.decode(pem, "PUBLIC KEY", "--key " + file);
    try {
      return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("--key " + file + ": not an EC public key");
    }
  }

  /** The base64 DER ECDSA-SHA256 signature of {@code payload}. */
  String sign(byte[] payload) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(key);
      signature.update(payload);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing with " + source + " failed: " + e.getMessage(), e);
    }
  }

  static boolean verifies(PublicKey key, byte[] payload, String base64Signature) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initVerify(key);
      signature.update(payload);
      return signature.verify(Base64.getDecoder().decode(base64Signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
