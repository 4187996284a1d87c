package dev.hoist.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.artifact.Artifacts;
import dev.hoist.artifact.PushRequest;
import dev.hoist.config.ConfigLoader;
import dev.hoist.config.ProjectConfig;
import dev.hoist.oci.Digest;
import dev.hoist.run.HoistException;
import dev.hoist.run.Progress;
import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preview up --mode flux} up to the cluster's API, against the real registry standing in for
 * both ghcr.io (Flux's install manifests, here the real Flux CRDs published as Flux's release
 * workflow publishes {@code flux-manifests}) and the kind registry (the preview's manifests
 * artifact).
 */
class PreviewFluxIT {
  @TempDir Path dir;
  private final String registry = RealParts.registry();
  private final String namespace = "preview" + System.nanoTime();
  private final Artifacts artifacts = Artifacts.forRegistries(null, true, Map.of(), s -> {});
  private Path work;

  @BeforeEach
  void work() throws Exception {
    work = Files.createDirectories(dir.resolve("work"));
  }

  private Map<String, String> publishInstall(Path tree) throws Exception {
    String url = "oci://" + registry + "/" + namespace + "/flux-manifests:v2.9.6";
    artifacts.push(
        new PushRequest(
            url,
            tree,
            "https://github.com/fluxcd/flux2",
            "v2.9.6@sha1:" + "0".repeat(40),
            Map.of(),
            true,
            null,
            false,
            null));
    return Map.of(FluxMode.FLUX_MANIFESTS_ENV, url);
  }

  @Test
  void fluxIsInstalledFromTheArtifactFluxPublishes() throws Exception {
    Map<String, String> env = publishInstall(RealParts.shared("flux-crds"));
    String install =
        FluxMode.forPreview(env, Progress.quiet())
            .installManifests(FluxMode.installSource(env), work);
    long crds;
    try (var files = Files.list(RealParts.shared("flux-crds"))) {
      crds = files.filter(f -> f.toString().endsWith(".yaml")).count();
    }
    Matcher m = Pattern.compile("(?m)^kind: CustomResourceDefinition$").matcher(install);
    assertEquals(crds, m.results().count());
    assertTrue(install.contains("name: kustomizations.kustomize.toolkit.fluxcd.io"));
    assertTrue(install.startsWith("---\n"), install.substring(0, 40));
  }

  @Test
  void anArtifactWithoutManifestsIsRefusedBeforeTheClusterIsTouched() throws Exception {
    Path notFlux = Files.createDirectories(dir.resolve("not-flux"));
    Files.writeString(notFlux.resolve("README.md"), "not manifests\n");
    Map<String, String> env = publishInstall(notFlux);
    HoistException e =
        assertThrows(
            HoistException.class,
            () ->
                FluxMode.forPreview(env, Progress.quiet())
                    .installManifests(FluxMode.installSource(env), work));
    assertTrue(e.getMessage().contains("holds no YAML files"), e.getMessage());
  }

  @Test
  void thePinnedTreeIsPushedOnceAndCarriesNoLabelWrapper() throws Exception {
    Path repo = dir.resolve("repo");
    write(
        repo,
        "hoist.yaml",
        "project: shop\nregistry: ghcr.io/acme\napps:\n"
            + "  - {name: api, jar: target/api.jar, mainClass: a.B}\noverlays: [dev]\n");
    write(repo, "target/api.jar", "jar");
    write(repo, "base/kustomization.yaml", "resources: [deployment.yaml]\n");
    write(
        repo,
        "base/deployment.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n"
            + "  template:\n    spec:\n      containers: [{name: api, image: api}]\n");
    write(repo, "overlays/dev/kustomization.yaml", "namespace: dev\nresources: [../../base]\n");
    ProjectConfig config = ConfigLoader.load(repo.resolve("hoist.yaml"));
    Digest digest = Digest.parse("sha256:" + "1".repeat(64));
    KindCluster cluster =
        new KindCluster("it", "kind-it", registry + "/" + namespace, "it-registry:5000");
    PreviewOverlay rendered =
        PreviewOverlay.render(
            config,
            config.overlays().get(0),
            cluster.registryHost() + "/shop",
            Map.of("api", digest),
            work);
    FluxMode.Target target = new FluxMode.Target(config, cluster);
    FluxMode flux = FluxMode.forPreview(Map.of(), Progress.quiet());
    String revision = flux.push(config, rendered.tree(), target);
    assertTrue(revision.matches("preview@sha256:[0-9a-f]{64}"), revision);
    assertEquals(revision, flux.push(config, rendered.tree(), target), "reproducible");

    Path pulled = dir.resolve("pulled");
    artifacts.pull(target.pushUrl(), pulled);
    String kustomization = Files.readString(pulled.resolve("overlays/dev/kustomization.yaml"));
    assertTrue(kustomization.contains(digest.toString()), kustomization);
    assertTrue(Files.isRegularFile(pulled.resolve("base/deployment.yaml")));
    assertFalse(Files.exists(pulled.resolve("label")));
    assertEquals(
        "oci://it-registry:5000/shop/manifests/shop",
        target.clusterUrl(),
        "Flux reads the same repository on the kind network");
  }

  private static void write(Path root, String path, String content) throws Exception {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
