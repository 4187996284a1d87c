package dev.hoist.artifact;

import dev.hoist.tar.TarReader;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** Reads a tar stream into name → (type, mode, content hash), bounded like an extraction. */
final class TarIndex {
  private TarIndex() {}

  /**
   * One entry: its type flag, permission bits and the SHA-256 of its content (empty for
   * directories).
   */
  record Item(byte type, int mode, String sha256) {}

  static Map<String, Item> read(InputStream tar, ArtifactExtractor.Limits limits)
      throws IOException {
    TarReader reader = new TarReader(tar);
    Map<String, Item> items = new TreeMap<>();
    ArtifactExtractor.Budget budget = limits.budget();
    byte[] buffer = new byte[64 * 1024];
    for (TarReader.Entry e; (e = reader.next()) != null; ) {
      budget.spend(e);
      MessageDigest sha = sha256();
      try (InputStream in = reader.content()) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
        }
      }
      String name =
          e.name().endsWith("/") ? e.name().substring(0, e.name().length() - 1) : e.name();
      items.put(name, new Item(e.type(), e.mode() & 07777, HexFormat.of().formatHex(sha.digest())));
    }
    return items;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
