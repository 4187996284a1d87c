package dev.hoist.bench;

import dev.hoist.artifact.Artifacts;
import dev.hoist.artifact.PushRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark driver (bench/artifact/run.sh): pushes one tree {@code n} times from one process, each
 * to its own repository {@code <registry>/<prefix>-<i>:1.0.0}, on {@code threads} threads (default
 * 1: one after the other), and prints the wall time in milliseconds. With a {@code salt}, every
 * push carries different content: each thread packs its own copy of the tree (made before the clock
 * starts) with a file {@code salt.txt} holding {@code <salt>-<i>}, so every layer is new to the
 * registry. Not a test.
 */
public final class ArtifactPushLoop {
  private ArtifactPushLoop() {}

  public static void main(String[] args) throws Exception {
    String registry = args[0];
    String prefix = args[1];
    Path tree = Path.of(args[2]);
    int n = Integer.parseInt(args[3]);
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    String salt = args.length > 5 ? args[5] : null;
    BlockingQueue<Path> trees = new ArrayBlockingQueue<>(threads);
    for (int t = 0; t < threads; t++) {
      trees.add(salt == null ? tree : copy(tree, Files.createTempDirectory("hoist-bench-tree-")));
    }
    Artifacts artifacts = Artifacts.forRegistries(null, true, System.getenv(), m -> {});
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> pushes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String url = "oci://" + registry + "/" + prefix + "-" + i + ":1.0.0";
      String id = salt + "-" + i;
      pushes.add(
          pool.submit(
              () -> {
                Path own = trees.take();
                try {
                  if (salt != null) {
                    Files.writeString(own.resolve("salt.txt"), id + "\n");
                  }
                  return artifacts.push(
                      new PushRequest(
                          url,
                          own,
                          "bench",
                          "bench@sha1:0",
                          Map.of(),
                          true,
                          null,
                          false,
                          List.of()));
                } finally {
                  trees.add(own);
                }
              }));
    }
    for (Future<?> push : pushes) {
      push.get();
    }
    System.out.println((System.nanoTime() - start) / 1_000_000);
    pool.shutdown();
    if (salt != null) {
      for (Path own : trees) {
        delete(own);
      }
    }
  }

  static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  static Path copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
