package dev.hoist.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.config.ConfigLoader;
import dev.hoist.config.ProjectConfig;
import dev.hoist.flux.FluxObjects;
import dev.hoist.flux.FluxUnit;
import dev.hoist.testing.RealParts;
import dev.hoist.validate.CrdSchemas;
import dev.hoist.validate.Validation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Flux objects {@code preview up --mode flux} applies, on the bundled example: those {@code
 * hoist flux generate} writes, pointed at the preview artifact inside the cluster, and valid
 * against the real Flux CRDs.
 */
class FluxModeTest {
  private final ProjectConfig config =
      ConfigLoader.load(RealParts.repoRoot().resolve("hoist.yaml"));
  private final KindCluster cluster =
      new KindCluster("hoist", "kind-hoist", "localhost:5001", "hoist-registry:5000");
  private final FluxMode.Target target = new FluxMode.Target(config, cluster);

  private String objects(String overlay) {
    FluxUnit.App app = FluxMode.objects(config, config.overlay(overlay).orElseThrow(), target);
    return FluxObjects.render(app);
  }

  @Test
  void theArtifactIsPushedToTheLocalRegistryAndReadFromTheClusterNetwork() {
    assertEquals("oci://localhost:5001/hello/manifests/hello:preview", target.pushUrl());
    assertEquals("oci://hoist-registry:5000/hello/manifests/hello", target.clusterUrl());
  }

  @Test
  void anOverlayNoClusterAppliesGetsFluxDefaults() {
    assertEquals(
        """
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: OCIRepository
        metadata:
          name: hello
          namespace: flux-system
        spec:
          insecure: true
          interval: 1m0s
          provider: generic
          ref:
            tag: preview
          url: oci://hoist-registry:5000/hello/manifests/hello
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: hello
          namespace: flux-system
        spec:
          interval: 1m0s
          path: ./overlays/dev
          prune: true
          sourceRef:
            kind: OCIRepository
            name: hello
          timeout: 2m0s
          wait: true
        """,
        objects("dev"));
  }

  @Test
  void aClustersOverlayKeepsItsOptionsButNotItsUnits() {
    String staging = objects("staging");
    // as flux generate writes it for staging (interval, retryInterval, postBuild) ...
    assertTrue(staging.contains("  interval: 5m0s\n  path: ./overlays/staging\n"), staging);
    assertTrue(staging.contains("postBuild:\n    substitute:\n      cluster: staging\n"), staging);
    assertTrue(staging.contains("retryInterval: 1m0s"), staging);
    // ... reading the preview tag over plain HTTP, waiting for none of the cluster's units
    assertTrue(staging.contains("ref:\n    tag: preview\n"), staging);
    assertTrue(staging.contains("insecure: true"), staging);
    assertFalse(staging.contains("dependsOn"), staging);
    assertFalse(staging.contains("semver"), staging);
  }

  @Test
  void everyOverlaysObjectsAreValidFluxObjects() {
    CrdSchemas crds = CrdSchemas.load(RealParts.shared("flux-crds"));
    for (String overlay : List.of("dev", "staging", "prod")) {
      Validation.Result result =
          Validation.runTexts(Map.of("preview-" + overlay + ".yaml", objects(overlay)), crds);
      assertEquals(List.of(), result.problems(), overlay);
      assertEquals(2, result.objects(), overlay);
      assertFalse(result.missingCrds(), overlay);
    }
  }

  @Test
  void theInstallManifestsComeFromFluxsReleaseUnlessAMirrorIsNamed() {
    assertEquals("oci://ghcr.io/fluxcd/flux-manifests:v2.9.6", FluxMode.installSource(Map.of()));
    assertEquals(
        "oci://127.0.0.1:5000/fluxcd/flux-manifests:v2.9.6",
        FluxMode.installSource(
            Map.of("HOIST_FLUX_MANIFESTS", "oci://127.0.0.1:5000/fluxcd/flux-manifests:v2.9.6")));
  }
}
