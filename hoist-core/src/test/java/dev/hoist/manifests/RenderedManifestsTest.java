package dev.hoist.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.config.ConfigLoader;
import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.kustomize.LoadRestrictor;
import dev.hoist.kustomize.RenderEngine;
import dev.hoist.kustomize.Renderer;
import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * manifests/<overlay>.yaml must be what the repository's overlays render to now (run `hoist render
 * --all`).
 */
class RenderedManifestsTest {
  @Test
  void committedManifestsAreTheRenderedOverlays() throws Exception {
    Path root = RealParts.repoRoot();
    ProjectConfig config = ConfigLoader.load(root.resolve("hoist.yaml"));
    for (OverlayConfig overlay : config.overlays()) {
      Path committed = root.resolve("manifests/" + overlay.name() + ".yaml");
      assertTrue(
          Files.isRegularFile(committed), committed + " is missing: run `hoist render --all`");
      assertEquals(
          Renderer.render(root.resolve(overlay.dir()), LoadRestrictor.LoadRestrictionsRootOnly),
          Files.readString(committed),
          committed + " is stale: run `hoist render --all`");
    }
  }

  @Test
  void renderAllRewritesOnlyChangedFiles(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("overlays/a"));
    Files.writeString(
        dir.resolve("hoist.yaml"),
        """
        project: p
        registry: r.example.com/x
        apps: []
        overlays: [a]
        artifact:
          repository: m
        clusters: []
        """);
    Files.writeString(
        dir.resolve("overlays/a/kustomization.yaml"),
        "configMapGenerator:\n- name: c\n  literals: [k=v]\n");
    List<RenderAll.Written> first =
        RenderAll.run(
            dir.resolve("hoist.yaml"),
            RenderEngine.embedded,
            LoadRestrictor.LoadRestrictionsRootOnly);
    assertEquals(List.of(new RenderAll.Written("a", "manifests/a.yaml", true)), first);
    assertEquals(
        "apiVersion: v1\ndata:\n  k: v\nkind: ConfigMap\nmetadata:\n  name: c-bdg947hgcc\n",
        Files.readString(dir.resolve("manifests/a.yaml")));
    assertFalse(
        RenderAll.run(
                dir.resolve("hoist.yaml"),
                RenderEngine.embedded,
                LoadRestrictor.LoadRestrictionsRootOnly)
            .get(0)
            .changed());
  }
}
