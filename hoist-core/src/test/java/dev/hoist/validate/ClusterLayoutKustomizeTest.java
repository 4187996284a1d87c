package dev.hoist.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed cluster layouts build with the real kustomize (as kustomize-controller builds the
 * root Kustomization and each unit's directory), and what they build validates against the Flux
 * CRDs.
 */
class ClusterLayoutKustomizeTest {
  @TempDir Path dir;

  @Test
  void everyClusterDirectoryAndUnitDirectoryBuildsAndValidates() throws Exception {
    Path kubectl = RealParts.tool("kubectl");
    CrdSchemas crds = CrdSchemas.load(RealParts.shared("flux-crds"));
    Path clusters = RealParts.repoRoot().resolve("flux/clusters");
    List<Path> dirs;
    try (Stream<Path> walk = Files.walk(clusters)) {
      dirs =
          walk.filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
              .map(Path::getParent)
              .sorted()
              .toList();
    }
    assertTrue(dirs.size() >= 10, dirs.toString());
    int objects = 0;
    for (Path d : dirs) {
      String built =
          Processes.run(d, List.of(kubectl.toString(), "kustomize", "."), 60)
              .requireSuccess()
              .stdout();
      Path out = dir.resolve(clusters.relativize(d).toString().replace('/', '_') + ".yaml");
      Files.writeString(out, built);
      Validation.Result result = Validation.run(List.of(out), crds);
      assertEquals(List.of(), result.problems(), d.toString());
      objects += result.objects();
    }
    assertTrue(objects > 20, "objects: " + objects);
  }
}
