package dev.hoist.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cosign's encrypted key format against an independent implementation: Python's hashlib.scrypt
 * (OpenSSL) and libsodium's crypto_secretbox (through ctypes) write keys hoist reads, and read the
 * keys hoist writes.
 */
class CosignKeysTest {
  @TempDir Path dir;

  /** Seals DER (hex, argv[1]) with password argv[2] in cosign's envelope; prints the PEM. */
  private static final String SEAL =
      """
      import base64, ctypes, ctypes.util, hashlib, json, os, sys
      sodium = ctypes.CDLL(ctypes.util.find_library("sodium") or "libsodium.so.23")
      assert sodium.sodium_init() >= 0
      der, password = bytes.fromhex(sys.argv[1]), sys.argv[2].encode()
      salt, nonce = os.urandom(32), os.urandom(24)
      key = hashlib.scrypt(password, salt=salt, n=32768, r=8, p=1, maxmem=64 << 20, dklen=32)
      box = ctypes.create_string_buffer(len(der) + 16)
      assert sodium.crypto_secretbox_easy(box, der, ctypes.c_ulonglong(len(der)), nonce, key) == 0
      env = {"kdf": {"name": "scrypt", "params": {"N": 32768, "r": 8, "p": 1},
                     "salt": base64.b64encode(salt).decode()},
             "cipher": {"name": "nacl/secretbox", "nonce": base64.b64encode(nonce).decode()},
             "ciphertext": base64.b64encode(box.raw).decode()}
      body = base64.b64encode(json.dumps(env).encode()).decode()
      lines = [body[i:i + 64] for i in range(0, len(body), 64)]
      print("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----")
      print("\\n".join(lines))
      print("-----END ENCRYPTED SIGSTORE PRIVATE KEY-----")
      """;

  /** Opens the PEM file argv[1] with password argv[2]; prints the DER as hex. */
  private static final String OPEN =
      """
      import base64, ctypes, ctypes.util, hashlib, json, sys
      sodium = ctypes.CDLL(ctypes.util.find_library("sodium") or "libsodium.so.23")
      assert sodium.sodium_init() >= 0
      text = open(sys.argv[1]).read().splitlines()
      env = json.loads(base64.b64decode("".join(l for l in text if not l.startswith("-----"))))
      p = env["kdf"]["params"]
      key = hashlib.scrypt(sys.argv[2].encode(), salt=base64.b64decode(env["kdf"]["salt"]),
                           n=p["N"], r=p["r"], p=p["p"], maxmem=256 << 20, dklen=32)
      box, nonce = base64.b64decode(env["ciphertext"]), base64.b64decode(env["cipher"]["nonce"])
      out = ctypes.create_string_buffer(len(box) - 16)
      assert sodium.crypto_secretbox_open_easy(out, box, ctypes.c_ulonglong(len(box)), nonce, key) == 0
      print(out.raw.hex())
      """;

  private String python(String script, String... args) throws Exception {
    Path python = RealParts.tool("python3");
    List<String> command = new java.util.ArrayList<>(List.of(python.toString(), "-c", script));
    command.addAll(List.of(args));
    Processes.Result result = Processes.run(dir, command);
    if (result.exitCode() != 0 && result.stderr().contains("libsodium")) {
      RealParts.missing("libsodium (the independent secretbox)", "install libsodium23");
    }
    return result.requireSuccess().stdout();
  }

  @Test
  void aKeySealedByLibsodiumSignsThroughHoist() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    Path file = dir.resolve("cosign.key");
    Files.writeString(
        file, python(SEAL, HexFormat.of().formatHex(pair.getPrivate().getEncoded()), "s3cret"));

    SigningKey key = SigningKey.load(file.toString(), Map.of("COSIGN_PASSWORD", "s3cret"));
    byte[] payload = "payload".getBytes(StandardCharsets.UTF_8);
    assertTrue(SigningKey.verifies(pair.getPublic(), payload, key.sign(payload)));

    IllegalArgumentException wrong =
        assertThrows(
            IllegalArgumentException.class,
            () -> SigningKey.load(file.toString(), Map.of("COSIGN_PASSWORD", "nope")));
    assertEquals(
        "--sign-key " + file + ": wrong password (COSIGN_PASSWORD) or a damaged key",
        wrong.getMessage());
    IllegalArgumentException unset =
        assertThrows(
            IllegalArgumentException.class, () -> SigningKey.load(file.toString(), Map.of()));
    assertTrue(unset.getMessage().contains("needs COSIGN_PASSWORD"), unset.getMessage());
  }

  @Test
  void aKeyHoistWritesOpensWithLibsodium() throws Exception {
    List<Path> pair = KeyPairs.generate(dir.resolve("cosign"), "");
    String pem = Files.readString(pair.get(0));
    assertTrue(pem.startsWith("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n"), pem);
    byte[] der = HexFormat.of().parseHex(python(OPEN, pair.get(0).toString(), "").strip());
    assertArrayEquals(CosignKeys.decrypt(pem, "", "key"), der);
    // and it signs what its public key verifies
    SigningKey key = SigningKey.load(pair.get(0).toString(), Map.of("COSIGN_PASSWORD", ""));
    byte[] payload = "x".getBytes(StandardCharsets.UTF_8);
    assertTrue(SigningKey.verifies(SigningKey.publicKey(pair.get(1)), payload, key.sign(payload)));
  }

  @Test
  void scryptMatchesPythonsHashlib() throws Exception {
    String script =
        "import hashlib, sys; print(hashlib.scrypt(sys.argv[1].encode(), salt=sys.argv[2].encode(),"
            + " n=int(sys.argv[3]), r=8, p=int(sys.argv[4]), maxmem=64 << 20, dklen=64).hex())";
    for (String[] c :
        List.of(
            new String[] {"password", "NaCl", "1024", "16"},
            new String[] {"", "salt", "32768", "1"})) {
      assertEquals(
          python(script, c).strip(),
          HexFormat.of()
              .formatHex(
                  Scrypt.derive(
                      c[0].getBytes(StandardCharsets.UTF_8),
                      c[1].getBytes(StandardCharsets.UTF_8),
                      Integer.parseInt(c[2]),
                      8,
                      Integer.parseInt(c[3]),
                      64)));
    }
  }
}
