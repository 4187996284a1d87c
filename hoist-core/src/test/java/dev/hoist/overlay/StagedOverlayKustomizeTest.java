package dev.hoist.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoist.oci.Digest;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a staged overlay with the real kustomize (kubectl kustomize) to check the pins take
 * effect.
 */
@Tag("integration")
class StagedOverlayKustomizeTest {
  @TempDir Path tmp;

  @Test
  void kustomizeRendersDigestPinnedImages() throws Exception {
    Path kubectl = RealParts.tool("kubectl");
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("base"));
    Files.createDirectories(repo.resolve("overlays/dev"));
    Files.writeString(repo.resolve("base/kustomization.yaml"), "resources:\n- deployment.yaml\n");
    Files.writeString(
        repo.resolve("base/deployment.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: web
                image: web:latest
              - name: worker
                image: worker
        """);
    Files.writeString(
        repo.resolve("overlays/dev/kustomization.yaml"),
        """
        resources:
          - ../../base
        images:
          - name: web   # tag moves on every push
            newTag: dev
        """);
    Digest web = Digest.parse("sha256:" + "a".repeat(64));
    Digest worker = Digest.parse("sha256:" + "b".repeat(64));
    Path stage = tmp.resolve("stage");
    OverlayStager.stage(
        repo,
        List.of("base", "overlays"),
        stage,
        List.of(
            new Pin("web", "registry.example.com/shop/web", web),
            new Pin("worker", "registry.example.com/shop/worker", worker)),
        List.of(Path.of("overlays/dev")));

    Processes.Result built =
        Processes.run(stage, List.of(kubectl.toString(), "kustomize", "overlays/dev"), 60)
            .requireSuccess();
    assertEquals(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - image: registry.example.com/shop/web@%s
                name: web
              - image: registry.example.com/shop/worker@%s
                name: worker
        """
            .formatted(web, worker),
        built.stdout());
  }
}
