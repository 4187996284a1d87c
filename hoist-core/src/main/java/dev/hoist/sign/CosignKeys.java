package dev.hoist.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * cosign's encrypted private key ({@code -----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----}): base64
 * of a JSON envelope (go-securesystemslib's "encrypted" format) whose {@code ciphertext} is the
 * PKCS#8 DER sealed with NaCl's secretbox under a key derived by scrypt from the password ({@code
 * COSIGN_PASSWORD}).
 */
final class CosignKeys {
  static final String TYPE = "ENCRYPTED SIGSTORE PRIVATE KEY";
  static final String LEGACY_TYPE = "ENCRYPTED COSIGN PRIVATE KEY";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The scrypt parameters cosign writes and reads ({@code N} 2^15, 2^16 or 2^17; r 8; p 1). */
  private static final List<Integer> ALLOWED_N = List.of(32768, 65536, 131072);

  private CosignKeys() {}

  static boolean isEncrypted(String pem) {
    return pem.contains("BEGIN " + TYPE) || pem.contains("BEGIN " + LEGACY_TYPE);
  }

  /** The PKCS#8 DER inside {@code pem}; every problem is one line starting with {@code what}. */
  static byte[] decrypt(String pem, String password, String what) {
    String type = pem.contains("BEGIN " + TYPE) ? TYPE : LEGACY_TYPE;
    byte[] envelope = Pem.decode(pem, type, what);
    try {
      JsonNode json = JSON.readTree(envelope);
      JsonNode kdf = json.path("kdf");
      JsonNode params = kdf.path("params");
      int n = params.path("N").asInt();
      if (!"scrypt".equals(kdf.path("name").asText())
          || !ALLOWED_N.contains(n)
          || params.path("r").asInt() != 8
          || params.path("p").asInt() != 1) {
        throw new IllegalArgumentException(
            what + ": unsupported key derivation " + kdf + " (cosign uses scrypt, r 8, p 1)");
      }
      if (!"nacl/secretbox".equals(json.path("cipher").path("name").asText())) {
        throw new IllegalArgumentException(
            what + ": unsupported cipher " + json.path("cipher").path("name").asText());
      }
      byte[] salt = Base64.getDecoder().decode(kdf.path("salt").asText());
      byte[] nonce = Base64.getDecoder().decode(json.path("cipher").path("nonce").asText());
      byte[] box = Base64.getDecoder().decode(json.path("ciphertext").asText());
      if (nonce.length != 24) {
        throw new IllegalArgumentException(what + ": the nonce is not 24 bytes");
      }
      byte[] key = Scrypt.derive(password.getBytes(StandardCharsets.UTF_8), salt, n, 8, 1, 32);
      byte[] der = SecretBox.open(box, nonce, key);
      if (der == null) {
        throw new IllegalArgumentException(
            what + ": wrong password (COSIGN_PASSWORD) or a damaged key");
      }
      return der;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          what + ": not cosign's encrypted key format (" + e.getMessage() + ")");
    }
  }

  /** {@code der} (PKCS#8) as cosign writes an encrypted key, with fresh salt and nonce. */
  static String encrypt(byte[] der, String password, SecureRandom random) {
    byte[] salt = new byte[32];
    byte[] nonce = new byte[24];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    byte[] key = Scrypt.derive(password.getBytes(StandardCharsets.UTF_8), salt, 32768, 8, 1, 32);
    ObjectNode json = JSON.createObjectNode();
    ObjectNode kdf = json.putObject("kdf");
    kdf.put("name", "scrypt");
    ObjectNode params = kdf.putObject("params");
    params.put("N", 32768);
    params.put("r", 8);
    params.put("p", 1);
    kdf.put("salt", Base64.getEncoder().encodeToString(salt));
    ObjectNode cipher = json.putObject("cipher");
    cipher.put("name", "nacl/secretbox");
    cipher.put("nonce", Base64.getEncoder().encodeToString(nonce));
    json.put("ciphertext", Base64.getEncoder().encodeToString(SecretBox.seal(der, nonce, key)));
    try {
      return Pem.encode(TYPE, JSON.writeValueAsBytes(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
