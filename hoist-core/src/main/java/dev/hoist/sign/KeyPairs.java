package dev.hoist.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

/**
 * {@code hoist sign generate-key}: a new ECDSA P-256 pair, the private key as PKCS#8 PEM (mode
 * 0600) and the public key as PEM (cosign's {@code cosign.pub} form, which Flux's {@code
 * verify.secretRef} Secret holds). Existing files are never overwritten; both are written to
 * temporary files and renamed.
 */
public final class KeyPairs {
  private KeyPairs() {}

  /** Writes {@code <prefix>.key} and {@code <prefix>.pub}; returns their paths. */
  public static List<Path> generate(Path prefix) throws IOException {
    return generate(prefix, null);
  }

  /**
   * As {@link #generate(Path)}; with a {@code password} (COSIGN_PASSWORD, may be empty) the private
   * key is written in cosign's encrypted format, as {@code cosign generate-key-pair} writes it.
   */
  public static List<Path> generate(Path prefix, String password) throws IOException {
    Path key = Path.of(prefix + ".key");
    Path pub = Path.of(prefix + ".pub");
    for (Path p : List.of(key, pub)) {
      if (Files.exists(p)) {
        throw new FileAlreadyExistsException(p + " exists; not overwritten");
      }
    }
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      pair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no P-256 key generator: " + e.getMessage(), e);
    }
    Path dir = key.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    String privatePem =
        password == null
            ? Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded())
            : CosignKeys.encrypt(
                pair.getPrivate().getEncoded(), password, new java.security.SecureRandom());
    write(dir, key, privatePem, "rw-------");
    write(dir, pub, Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()), "rw-r--r--");
    return List.of(key, pub);
  }

  private static void write(Path dir, Path file, String content, String perms) throws IOException {
    Path temp =
        Files.createTempFile(
            dir,
            "." + file.getFileName(),
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(perms));
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
