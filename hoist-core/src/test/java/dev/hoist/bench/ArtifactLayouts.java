package dev.hoist.bench;

import dev.hoist.artifact.ArtifactExtractor;
import dev.hoist.artifact.Artifacts;
import dev.hoist.artifact.PushRequest;
import dev.hoist.oci.OciLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Benchmark helper (bench/artifact/run.sh): writes the skopeo side of the distinct-content 100-push
 * figure. For each run {@code r} an OCI layout {@code <out>/run-<r>} with {@code n} artifacts
 * tagged {@code 0..n-1}, artifact {@code i} being the tree plus {@code salt.txt} holding {@code
 * <salt>-<r>-<i>} (as {@link ArtifactPushLoop} does for hoist), so no layer is in the registry or
 * in skopeo's blob cache yet. Not a test.
 */
public final class ArtifactLayouts {
  private ArtifactLayouts() {}

  public static void main(String[] args) throws Exception {
    Path tree =
        ArtifactPushLoop.copy(Path.of(args[0]), Files.createTempDirectory("hoist-bench-tree-"));
    Path out = Path.of(args[1]);
    int n = Integer.parseInt(args[2]);
    int runs = Integer.parseInt(args[3]);
    String salt = args[4];
    for (int r = 1; r <= runs; r++) {
      OciLayout layout = OciLayout.at(out.resolve("run-" + r));
      Artifacts artifacts =
          new Artifacts(
              ref -> layout, m -> {}, Clock.systemUTC(), ArtifactExtractor.Limits.DEFAULT);
      for (int i = 0; i < n; i++) {
        Files.writeString(tree.resolve("salt.txt"), salt + "-" + r + "-" + i + "\n");
        artifacts.push(
            new PushRequest(
                "oci://layout.invalid/bench:" + i,
                tree,
                "bench",
                "bench@sha1:0",
                Map.of(),
                true,
                null,
                false,
                List.of()));
      }
    }
    ArtifactPushLoop.delete(tree);
  }
}
