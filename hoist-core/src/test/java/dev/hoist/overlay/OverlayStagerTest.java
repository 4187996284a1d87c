package dev.hoist.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hoist.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayStagerTest {
  static final Digest WEB = Digest.parse("sha256:" + "a".repeat(64));
  static final Digest WORKER = Digest.parse("sha256:" + "b".repeat(64));
  static final List<Pin> PINS =
      List.of(
          new Pin("web", "registry.example.com/shop/web", WEB),
          new Pin("worker", "registry.example.com/shop/worker", WORKER));

  static final String BASE =
      """
      resources:
      - deployment.yaml
      """;
  static final String DEV =
      """
      # dev overlay
      resources:
        - ../../base
      images:
        - name: web
          newTag: dev   # moves on every push
      patches:
        - path: replicas.yaml
      """;
  static final String PROD = "namePrefix: prod-\nresources:\n- ../../base\n";

  @TempDir Path tmp;
  Path repo;
  Path stage;

  @BeforeEach
  void tree() throws IOException {
    repo = tmp.resolve("repo");
    stage = tmp.resolve("out/stage");
    write("base/kustomization.yaml", BASE);
    write("base/deployment.yaml", "kind: Deployment\n");
    write("overlays/dev/kustomization.yaml", DEV);
    write("overlays/dev/replicas.yaml", "replicas: 1\n");
    write("overlays/prod/kustomization.yml", PROD);
    write("README.md", "not staged\n");
  }

  private void write(String rel, String text) throws IOException {
    Path file = repo.resolve(rel);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        out.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    return out;
  }

  private void stageAll(List<Path> overlays) throws IOException {
    OverlayStager.stage(repo, List.of("base", "overlays"), stage, PINS, overlays);
  }

  @Test
  void copiesTheDirsAndPinsEveryOverlay() throws IOException {
    Map<String, String> repoBefore = files(repo);
    stageAll(List.of(Path.of("overlays/dev"), Path.of("overlays/prod")));

    Map<String, String> expected = new TreeMap<>();
    expected.put("base/kustomization.yaml", BASE);
    expected.put("base/deployment.yaml", "kind: Deployment\n");
    expected.put("overlays/dev/replicas.yaml", "replicas: 1\n");
    expected.put(
        "overlays/dev/kustomization.yaml",
        """
        # dev overlay
        resources:
          - ../../base
        images:
          - name: web
            newName: registry.example.com/shop/web
            digest: sha256:%s
          - name: worker
            newName: registry.example.com/shop/worker
            digest: sha256:%s
        patches:
          - path: replicas.yaml
        """
            .formatted("a".repeat(64), "b".repeat(64)));
    expected.put(
        "overlays/prod/kustomization.yml",
        """
        namePrefix: prod-
        resources:
        - ../../base
        images:
        - name: web
          newName: registry.example.com/shop/web
          digest: sha256:%s
        - name: worker
          newName: registry.example.com/shop/worker
          digest: sha256:%s
        """
            .formatted("a".repeat(64), "b".repeat(64)));
    assertEquals(expected, files(stage));
    assertEquals(repoBefore, files(repo));
    assertEquals(List.of("stage"), list(stage.getParent()));
    assertEquals(
        "rwxr-xr-x",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(stage)));
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replacesAnExistingStageDir() throws IOException {
    Files.createDirectories(stage.resolve("stale"));
    Files.writeString(stage.resolve("stale/old.yaml"), "old\n");
    stageAll(List.of());
    assertEquals(List.of("base", "overlays"), list(stage));
    assertEquals(List.of("stage"), list(stage.getParent()));
  }

  @Test
  void acceptsCapitalisedKustomizationFile() throws IOException {
    Files.move(
        repo.resolve("overlays/prod/kustomization.yml"),
        repo.resolve("overlays/prod/Kustomization"));
    OverlayStager.stage(
        repo, List.of("overlays"), stage, List.of(PINS.get(0)), List.of(Path.of("overlays/prod")));
    assertEquals(
        PROD
            + "images:\n- name: web\n  newName: registry.example.com/shop/web\n  digest: "
            + WEB
            + "\n",
        Files.readString(stage.resolve("overlays/prod/Kustomization")));
  }

  @Test
  void failsForAnOverlayWithoutKustomizationAndLeavesNothing() throws IOException {
    Files.createDirectories(repo.resolve("overlays/qa"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> stageAll(List.of(Path.of("overlays/dev"), Path.of("overlays/qa"))));
    assertEquals("no kustomization.yaml in overlay dir overlays/qa", e.getMessage());
    assertFalse(Files.exists(stage));
    assertEquals(List.of(), list(stage.getParent()));
  }

  @Test
  void namesTheFileWhenAKustomizationCannotBeEdited() throws IOException {
    write("overlays/dev/kustomization.yaml", "images:\n  web: x\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> stageAll(List.of(Path.of("overlays/dev"))));
    assertEquals(
        "overlays/dev/kustomization.yaml: images in kustomization must be a list, found a mapping",
        e.getMessage());
  }

  @Test
  void refusesSymlinksOutsideTheRepoAndFollowsThoseInside() throws IOException {
    Files.writeString(tmp.resolve("secret.txt"), "outside\n");
    Files.createSymbolicLink(repo.resolve("base/shared.yaml"), Path.of("../README.md"));
    stageAll(List.of());
    assertEquals("not staged\n", Files.readString(stage.resolve("base/shared.yaml")));
    assertFalse(Files.isSymbolicLink(stage.resolve("base/shared.yaml")));

    Files.createSymbolicLink(repo.resolve("overlays/leak.txt"), tmp.resolve("secret.txt"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> stageAll(List.of()));
    assertEquals(
        "symlink points outside the repository: overlays/leak.txt -> " + tmp.resolve("secret.txt"),
        e.getMessage());
  }

  @Test
  void rejectsOverlaysOutsideTheCopiedDirsAndMissingDirs() {
    assertEquals(
        "overlay dir apps/dev is not inside the copied dirs [base, overlays]",
        assertThrows(IllegalArgumentException.class, () -> stageAll(List.of(Path.of("apps/dev"))))
            .getMessage());
    assertEquals(
        "copy dir not found: charts",
        assertThrows(
                IllegalArgumentException.class,
                () -> OverlayStager.stage(repo, List.of("charts"), stage, PINS, List.of()))
            .getMessage());
    assertEquals(
        "overlay dir not found: overlays/qa",
        assertThrows(
                IllegalArgumentException.class, () -> stageAll(List.of(Path.of("overlays/qa"))))
            .getMessage());
    assertEquals(
        "copy dirs overlap: overlays and overlays/dev",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    OverlayStager.stage(
                        repo, List.of("overlays", "overlays/dev"), stage, PINS, List.of()))
            .getMessage());
    assertEquals(
        "copy dir must be a relative path inside the repository: ../x",
        assertThrows(
                IllegalArgumentException.class,
                () -> OverlayStager.stage(repo, List.of("../x"), stage, PINS, List.of()))
            .getMessage());
  }

  @Test
  void refusesSymlinkLoopsAndStageDirsInsideCopiedDirs() throws IOException {
    Files.createSymbolicLink(repo.resolve("base/loop"), Path.of(".."));
    assertEquals(
        "symlink loop at base/loop/base",
        assertThrows(IllegalArgumentException.class, () -> stageAll(List.of())).getMessage());
    Files.delete(repo.resolve("base/loop"));
    Path inside = repo.resolve("overlays/out");
    assertEquals(
        "stage dir " + inside + " overlaps copied dir overlays",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    OverlayStager.stage(repo, List.of("base", "overlays"), inside, PINS, List.of()))
            .getMessage());
  }
}
