package dev.hoist.bench;

import dev.hoist.artifact.Artifacts;
import dev.hoist.artifact.PushRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark driver (bench/artifact/run.sh): pushes one tree {@code n} times from one process, each to its own
 * repository {@code <registry>/<prefix>-<i>:1.0.0}, on {@code threads} threads (default 1: one after the other),
 * and prints the wall time in milliseconds. Not a test.
 */
public final class ArtifactPushLoop {
  private ArtifactPushLoop() {}

  public static void main(String[] args) throws Exception {
    String registry = args[0];
    String prefix = args[1];
    Path tree = Path.of(args[2]);
    int n = Integer.parseInt(args[3]);
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    Artifacts artifacts = Artifacts.forRegistries(null, true, System.getenv(), m -> { });
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> pushes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      PushRequest request = new PushRequest("oci://" + registry + "/" + prefix + "-" + i + ":1.0.0", tree,
          "bench", "bench@sha1:0", Map.of(), true, null, false, List.of());
      pushes.add(pool.submit(() -> artifacts.push(request)));
    }
    for (Future<?> push : pushes) {
      push.get();
    }
    System.out.println((System.nanoTime() - start) / 1_000_000);
    pool.shutdown();
  }
}
