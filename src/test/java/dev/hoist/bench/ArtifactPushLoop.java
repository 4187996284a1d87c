package dev.hoist.bench;

import dev.hoist.artifact.Artifacts;
import dev.hoist.artifact.PushRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Benchmark driver (bench/artifact/run.sh): pushes one tree {@code n} times from one process, each to its own
 * repository {@code <registry>/<prefix>-<i>:1.0.0}, and prints the wall time in milliseconds. Not a test.
 */
public final class ArtifactPushLoop {
  private ArtifactPushLoop() {}

  public static void main(String[] args) throws Exception {
    String registry = args[0];
    String prefix = args[1];
    Path tree = Path.of(args[2]);
    int n = Integer.parseInt(args[3]);
    Artifacts artifacts = Artifacts.forRegistries(null, true, System.getenv(), m -> { });
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      artifacts.push(new PushRequest("oci://" + registry + "/" + prefix + "-" + i + ":1.0.0", tree, "bench",
          "bench@sha1:0", Map.of(), true, null, false, List.of()));
    }
    System.out.println((System.nanoTime() - start) / 1_000_000);
  }
}
