package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.oci.RegistryClient;
import dev.hoist.testing.RealParts;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile artifacts pushed to the real registry and pulled with {@code hoist artifact
 * pull}'s engine: every one is refused, nothing appears at the target, and a sentinel directory
 * beside it is untouched.
 */
@Tag("integration")
class HostilePullTest {
  @TempDir Path dir;
  private Path work;
  private Path sentinel;

  @BeforeEach
  void sentinel() throws IOException {
    work = Files.createDirectories(dir.resolve("work"));
    sentinel = Files.createDirectories(work.resolve("sentinel"));
    Files.writeString(sentinel.resolve("keep.txt"), "untouched");
    Files.createDirectories(sentinel.resolve("sub"));
  }

  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        m.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Files.readString(p));
      }
    }
    return m;
  }

  /** Hostile layers by name: each is a complete .tgz. */
  private Map<String, Path> corpus() throws IOException {
    Map<String, Path> c = new LinkedHashMap<>();
    c.put(
        "traversal",
        write(
            "traversal",
            new HostileTar().file("ok.yaml", "a").file("../sentinel/keep.txt", "x").tgz()));
    c.put(
        "deep traversal",
        write("deep", new HostileTar().file("a/b/../../../sentinel/evil", "x").tgz()));
    c.put("absolute", write("absolute", new HostileTar().file("/tmp/hoist-evil", "x").tgz()));
    c.put("backslash", write("backslash", new HostileTar().file("..\\sentinel\\evil", "x").tgz()));
    c.put(
        "pax traversal",
        write("pax", new HostileTar().pax("../sentinel/evil").file("harmless", "x").tgz()));
    c.put(
        "symlink chain",
        write(
            "chain",
            new HostileTar()
                .entry("l1", '2', new byte[0], ".")
                .entry("l2", '2', new byte[0], "l1/..")
                .entry("l3", '2', new byte[0], "l2/sentinel")
                .file("l3/keep.txt", "owned")
                .tgz()));
    c.put(
        "hardlink",
        write(
            "hardlink",
            new HostileTar().entry("h", '1', new byte[0], "../sentinel/keep.txt").tgz()));
    c.put("char device", write("chr", new HostileTar().entry("null", '3', new byte[0], "").tgz()));
    c.put("block device", write("blk", new HostileTar().entry("sda", '4', new byte[0], "").tgz()));
    c.put("fifo", write("fifo", new HostileTar().entry("pipe", '6', new byte[0], "").tgz()));
    c.put("gzip bomb", bomb());
    byte[] ok = new HostileTar().file("ok.yaml", "a").tgz();
    byte[] garbage = java.util.Arrays.copyOf(ok, ok.length + 7);
    System.arraycopy("GARBAGE".getBytes(StandardCharsets.US_ASCII), 0, garbage, ok.length, 7);
    c.put("trailing garbage after the gzip stream", write("garbage", garbage));
    c.put("1M entries", manyEntries(1_000_000));
    return c;
  }

  private Path write(String name, byte[] tgz) throws IOException {
    return Files.write(dir.resolve(name + ".tgz"), tgz);
  }

  /** One entry claiming 101 MiB of zeros: about 100 KiB compressed. */
  private Path bomb() throws IOException {
    Path file = dir.resolve("bomb.tgz");
    long size = 101L * 1024 * 1024;
    try (OutputStream out = gzip(file)) {
      out.write(header("bomb.yaml", size));
      byte[] zeros = new byte[1 << 20];
      for (long left = size; left > 0; left -= zeros.length) {
        out.write(zeros, 0, (int) Math.min(left, zeros.length));
      }
      out.write(new byte[1024]);
    }
    return file;
  }

  /** {@code n} empty files. */
  private Path manyEntries(int n) throws IOException {
    Path file = dir.resolve("many.tgz");
    byte[] template = header("", 0);
    long base = 0;
    for (int i = 0; i < 512; i++) {
      base += (i >= 148 && i < 156) ? ' ' : template[i] & 0xff;
    }
    try (OutputStream out = gzip(file)) {
      byte[] h = template.clone();
      for (int i = 0; i < n; i++) {
        byte[] name = ("f" + i).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, h, 0, name.length);
        long sum = base;
        for (byte b : name) {
          sum += b;
        }
        byte[] octal = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(octal, 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
        out.write(h);
      }
      out.write(new byte[1024]);
    }
    return file;
  }

  private static OutputStream gzip(Path file) throws IOException {
    return new GZIPOutputStream(
        new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
  }

  private static byte[] header(String name, long size) {
    return HostileTar.header(name, '0', size, "");
  }

  @Test
  void everyHostileArtifactIsRefusedAndTheSentinelIsUntouched() throws Exception {
    String registry = RealParts.registry();
    assertTimeoutPreemptively(
        Duration.ofSeconds(90),
        () -> {
          RegistryClient client = RegistryClient.builder().insecure(true).build();
          Artifacts artifacts =
              new Artifacts(
                  client::repository,
                  m -> {},
                  java.time.Clock.systemUTC(),
                  ArtifactExtractor.Limits.DEFAULT);
          String name = registry + "/hoist-hostile/t" + Long.toString(System.nanoTime(), 36);
          Map<String, String> before = snapshot(sentinel);
          int i = 0;
          Map<String, Path> all = corpus();
          for (Map.Entry<String, Path> e : all.entrySet()) {
            Path tgz = e.getValue();
            byte[] bytes = Files.readAllBytes(tgz);
            PackedArtifact packed =
                new PackedArtifact(
                    tgz,
                    new Descriptor(MediaTypes.FLUX_CONTENT, Digest.sha256(bytes), bytes.length),
                    List.of());
            String tag = "h" + i++;
            new ArtifactPublisher()
                .push(
                    client.repository(name),
                    packed,
                    new ArtifactMetadata("s", "r", Instant.EPOCH, Map.of()),
                    List.of(tag));
            Path target = work.resolve("target");
            IOException refused =
                assertThrows(
                    IOException.class,
                    () -> artifacts.pull("oci://" + name + ":" + tag, target),
                    e.getKey());
            assertFalse(refused.getMessage().isBlank(), e.getKey());
            assertFalse(Files.exists(target), e.getKey() + ": target exists");
            assertEquals(before, snapshot(sentinel), e.getKey() + ": sentinel changed");
            assertFalse(Files.exists(Path.of("/tmp/hoist-evil")), e.getKey());
            try (Stream<Path> list = Files.list(work)) {
              assertEquals(
                  List.of("sentinel"),
                  list.map(p -> p.getFileName().toString()).toList(),
                  e.getKey());
            }
            Files.delete(tgz);
          }
          assertTrue(i >= 12);
        });
  }
}
