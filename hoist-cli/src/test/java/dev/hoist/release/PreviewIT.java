package dev.hoist.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.config.ConfigLoader;
import dev.hoist.config.ProjectConfig;
import dev.hoist.images.ImageBuild;
import dev.hoist.images.ImageBuildRequest;
import dev.hoist.images.ImageBuildResult;
import dev.hoist.oci.Digest;
import dev.hoist.preview.DockerEngine;
import dev.hoist.preview.PreviewOverlay;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hoist preview} on the bundled example (in this package for its fixture): what runs here
 * without Docker (the fast refusal, the images built into a real registry standing in for kind's,
 * the pinned and labelled overlay), and, only where a Docker engine and the kind and kubectl CLIs
 * exist, the whole loop on a real kind cluster.
 */
class PreviewIT {
  @TempDir Path tmp;

  private static Processes.Result jar(Map<String, String> env, Path dir, String... args)
      throws Exception {
    return jar(RealParts.repoRoot().resolve("hoist-cli/target/hoist.jar"), env, dir, args);
  }

  private static Processes.Result jar(Path jar, Map<String, String> env, Path dir, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("env"));
    env.forEach((k, v) -> command.add(k + "=" + v));
    command.addAll(List.of("java", "-jar", jar.toString()));
    command.addAll(List.of(args));
    return Processes.run(dir, command, 120);
  }

  @Test
  void withoutADockerEngineUpSaysSoAtOnceWithExit7() throws Exception {
    ExampleProject project = ExampleProject.create(tmp.resolve("p"));
    String socket = "unix://" + tmp.resolve("no-engine.sock");
    long start = System.nanoTime();
    Processes.Result up = jar(Map.of("DOCKER_HOST", socket), project.dir, "preview", "up");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(7, up.exitCode(), up.stderr());
    List<String> lines = up.stderr().lines().toList();
    assertEquals(1, lines.size(), up.stderr());
    assertTrue(
        lines
                .get(0)
                .startsWith("hoist: error: preview needs a Docker engine (docker version failed: ")
            && lines.get(0).contains("no-engine.sock"),
        up.stderr());
    // fails fast: a JVM start and one bounded docker call, never a hang (generous bound)
    assertTrue(millis < 20_000, millis + " ms");
    assertEquals(7, jar(Map.of("DOCKER_HOST", socket), project.dir, "preview", "down").exitCode());
    assertEquals(
        7,
        jar(Map.of("DOCKER_HOST", socket), project.dir, "preview", "up", "--mode", "flux")
            .exitCode());
    Processes.Result sideways =
        jar(Map.of("DOCKER_HOST", socket), project.dir, "preview", "up", "--mode", "sideways");
    assertEquals(2, sideways.exitCode(), sideways.stderr());
    assertTrue(
        sideways.stderr().contains("--mode sideways: expected apply or flux"), sideways.stderr());
  }

  @Test
  void theJarRunsPreviewWithTheKubernetesClientFromLibPreview() throws Exception {
    Path jar = RealParts.repoRoot().resolve("hoist-cli/target/hoist.jar");
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
      assertTrue(
          zip.stream()
              .noneMatch(
                  e -> e.getName().startsWith("io/fabric8/") || e.getName().startsWith("tools/")),
          "hoist.jar holds no preview library");
    }
    // a Docker CLI that answers `docker version` (a fixed fake: no engine runs here) and a
    // context whose API server refuses: preview gets as far as its first Kubernetes call, which
    // needs fabric8's client, loaded from lib/preview through hoist.jar's manifest
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path docker = Files.writeString(bin.resolve("docker"), "#!/bin/sh\necho 27.0.0\n");
    assertTrue(docker.toFile().setExecutable(true));
    Path kubeconfig =
        Files.writeString(
            tmp.resolve("kubeconfig"),
            """
            apiVersion: v1
            kind: Config
            clusters:
            - name: refused
              cluster: {server: "https://127.0.0.1:9"}
            contexts:
            - name: hoist-it
              context: {cluster: refused, user: it}
            users:
            - name: it
              user: {token: not-used}
            """);
    ExampleProject project = ExampleProject.create(tmp.resolve("p"));
    Processes.Result up =
        jar(
            Map.of(
                "PATH",
                bin + java.io.File.pathSeparator + System.getenv("PATH"),
                "KUBECONFIG",
                kubeconfig.toString()),
            project.dir,
            "preview",
            "up",
            "--context",
            "hoist-it");
    assertEquals(1, up.exitCode(), up.stderr());
    assertEquals(
        List.of(
            "hoist: error: hoist-it: get ConfigMap kube-public/local-registry-hosting failed:"
                + " ConnectException"),
        up.stderr().lines().toList());

    // hoist.jar copied without lib/: every other command works; preview names the jar it misses
    Path alone =
        Files.copy(jar, Files.createDirectories(tmp.resolve("alone")).resolve("hoist.jar"));
    Processes.Result render = jar(alone, Map.of(), project.dir, "render", "overlays/dev");
    assertEquals(0, render.exitCode(), render.stderr());
    assertTrue(render.stdout().contains("kind: Deployment"), render.stdout());
    Processes.Result missing =
        jar(
            alone,
            Map.of("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH")),
            project.dir,
            "preview",
            "up",
            "--context",
            "hoist-it");
    assertEquals(1, missing.exitCode(), missing.stderr());
    assertEquals(
        List.of(
            "hoist: error: hoist preview needs "
                + alone.resolveSibling(firstPreviewLibrary(jar))
                + " (the lib/preview directory beside hoist.jar, which mvn package writes)"),
        missing.stderr().lines().toList());
  }

  private static String firstPreviewLibrary(Path jar) throws Exception {
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      return file.getManifest()
          .getMainAttributes()
          .getValue("Hoist-Preview-Class-Path")
          .split(",", -1)[0];
    }
  }

  @Test
  void imagesGoToTheRegistryOnceAndTheOverlayIsPinnedToThem() throws Exception {
    ExampleProject project = ExampleProject.create(tmp.resolve("p"));
    String registry = RealParts.registry() + "/preview" + System.nanoTime();
    ImageBuildRequest request =
        new ImageBuildRequest(
            project.dir.resolve("hoist.yaml"),
            List.of(),
            new ImageBuildRequest.Output.Registry(registry),
            List.of(),
            true,
            false,
            null,
            "test",
            List.of("preview"));
    ImageBuildResult first = ImageBuild.run(request, s -> {});
    ImageBuildResult again = ImageBuild.run(request, s -> {});
    assertTrue(first.images().get(0).pushed());
    assertFalse(again.images().get(0).pushed(), "an unchanged app pushes nothing");
    assertEquals(List.of("preview"), again.images().get(0).tags());

    Map<String, Digest> digests = new LinkedHashMap<>();
    first.images().forEach(i -> digests.put(i.name(), Digest.parse(i.digest())));
    ProjectConfig config = ConfigLoader.load(project.dir.resolve("hoist.yaml"));
    PreviewOverlay rendered =
        PreviewOverlay.render(
            config,
            config.overlays().get(0),
            registry,
            digests,
            Files.createDirectories(tmp.resolve("work")));
    String image = registry + "/hello@" + digests.get("hello");
    assertTrue(rendered.yaml().contains("image: " + image), rendered.yaml());
    assertTrue(
        rendered.yaml().contains("app.kubernetes.io/managed-by: hoist-preview"), rendered.yaml());
    assertTrue(
        rendered.objects().stream().anyMatch(o -> o.kind().equals("Deployment")),
        rendered.objects().toString());
  }

  static boolean dockerKindAndKubectl() {
    return DockerEngine.problem(System.getenv()).isEmpty()
        && List.of("kind", "kubectl").stream()
            .allMatch(
                t ->
                    java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                        .anyMatch(d -> Files.isExecutable(Path.of(d, t))));
  }

  @Test
  @EnabledIf(
      value = "dockerKindAndKubectl",
      disabledReason = "needs a Docker engine and the kind and kubectl CLIs (none here)")
  void upThenUpAgainThenDownOnARealKindCluster() throws Exception {
    ExampleProject project = runnable(ExampleProject.create(tmp.resolve("p")));
    String cluster = "hoist-it-" + (System.nanoTime() % 100000);
    Map<String, String> env = Map.of();
    try {
      Processes.Result up =
          jar(env, project.dir, "preview", "up", "--cluster", cluster, "--wait", "5m");
      assertEquals(0, up.exitCode(), up.stderr());
      assertTrue(up.stdout().contains("port-forward service/hello"), up.stdout());
      Processes.Result again =
          jar(env, project.dir, "preview", "up", "--cluster", cluster, "-o", "json");
      assertEquals(0, again.exitCode(), again.stderr());
      assertTrue(again.stdout().contains("\"ready\":true"), again.stdout());
      Processes.Result status =
          jar(env, project.dir, "preview", "status", "--cluster", cluster, "-o", "json");
      assertTrue(status.stdout().contains("\"exists\":true"), status.stdout());
    } finally {
      assertEquals(0, jar(env, project.dir, "preview", "down", "--cluster", cluster).exitCode());
    }
  }

  /** The example with a JRE base instead of {@code scratch}, so that its pod starts. */
  private static ExampleProject runnable(ExampleProject project) throws Exception {
    Path config = project.dir.resolve("hoist.yaml");
    String text = Files.readString(config);
    assertTrue(text.contains("    base: scratch\n"), text);
    Files.writeString(
        config, text.replace("    base: scratch\n", "    base: eclipse-temurin:17-jre\n"));
    return project;
  }

  @Test
  @EnabledIf(
      value = "dockerKindAndKubectl",
      disabledReason = "needs a Docker engine and the kind and kubectl CLIs (none here)")
  void fluxModeInstallsFluxAndReconcilesThePreviewArtifact() throws Exception {
    ExampleProject project = runnable(ExampleProject.create(tmp.resolve("p")));
    String cluster = "hoist-it-" + (System.nanoTime() % 100000);
    Map<String, String> env = Map.of();
    try {
      Processes.Result up =
          jar(
              env,
              project.dir,
              "preview",
              "up",
              "--cluster",
              cluster,
              "--mode",
              "flux",
              "--wait",
              "5m");
      assertEquals(0, up.exitCode(), up.stderr());
      assertTrue(up.stdout().contains("port-forward service/hello"), up.stdout());
      Processes.Result revision =
          Processes.run(
              project.dir,
              List.of(
                  "kubectl",
                  "--context",
                  "kind-" + cluster,
                  "get",
                  "kustomizations.kustomize.toolkit.fluxcd.io/hello",
                  "--namespace=flux-system",
                  "-o",
                  "jsonpath={.status.lastAppliedRevision}"),
              60);
      assertTrue(revision.stdout().matches("preview@sha256:[0-9a-f]{64}"), revision.stdout());
    } finally {
      assertEquals(0, jar(env, project.dir, "preview", "down", "--cluster", cluster).exitCode());
    }
  }
}
