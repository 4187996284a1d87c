package dev.hoist.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import dev.hoist.run.Progress;
import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FluxGenerateTest {
  @TempDir Path dir;

  private static final String HOIST_YAML =
      """
      project: shop
      registry: ghcr.io/acme
      overlays: [prod, staging]
      clusters:
        - name: production
          overlay: prod
          units: [web]
          dependsOn: [web]
        - name: staging
          overlay: staging
          ref: {semver: ">=0.0.0-0"}
      units:
        - name: web
          chart: {repository: https://charts.example.com, name: web}
      """;

  @Test
  void theCommittedFluxLayoutsAreUpToDate() {
    Path root = RealParts.repoRoot();
    FluxGenerate.Result result =
        FluxGenerate.run(
            new FluxGenerate.Request(root.resolve("hoist.yaml"), List.of(), true),
            Progress.quiet());
    List<String> stale =
        result.files().stream()
            .filter(FluxGenerate.FileResult::changed)
            .map(FluxGenerate.FileResult::diff)
            .toList();
    assertEquals(
        List.of(), stale, "flux/ is stale: run hoist flux generate (./hoist flux generate)");
    assertTrue(result.files().size() > 10);
  }

  @Test
  void writesOnlyChangesAndCheckShowsADiff() throws Exception {
    Path config = dir.resolve("hoist.yaml");
    Files.writeString(config, HOIST_YAML);
    FluxGenerate.Result first =
        FluxGenerate.run(new FluxGenerate.Request(config, List.of(), false), Progress.quiet());
    assertEquals(
        List.of(
            "flux/clusters/production/kustomization.yaml",
            "flux/clusters/production/shop.yaml",
            "flux/clusters/production/web.yaml",
            "flux/clusters/production/web/kustomization.yaml",
            "flux/clusters/production/web/release.yaml",
            "flux/clusters/staging/kustomization.yaml",
            "flux/clusters/staging/shop.yaml"),
        first.files().stream().map(FluxGenerate.FileResult::path).toList());
    assertTrue(first.files().stream().allMatch(FluxGenerate.FileResult::changed));
    Path shop = dir.resolve("flux/clusters/production/shop.yaml");
    assertTrue(Files.readString(shop).contains("  dependsOn:\n  - name: web\n"));
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(shop, old);

    FluxGenerate.Result again =
        FluxGenerate.run(new FluxGenerate.Request(config, List.of(), true), Progress.quiet());
    assertFalse(again.changed());

    Files.writeString(
        config, HOIST_YAML.replace("ref: {semver: \">=0.0.0-0\"}", "ref: {tag: edge}"));
    FluxGenerate.Result check =
        FluxGenerate.run(new FluxGenerate.Request(config, List.of(), true), Progress.quiet());
    assertTrue(check.changed());
    List<FluxGenerate.FileResult> stale =
        check.files().stream().filter(FluxGenerate.FileResult::changed).toList();
    assertEquals(1, stale.size());
    assertEquals(
        """
        --- a/flux/clusters/staging/shop.yaml
        +++ b/flux/clusters/staging/shop.yaml
        @@ -8,7 +8,7 @@
           interval: 1m0s
           provider: generic
           ref:
        -    semver: '>=0.0.0-0'
        +    tag: edge
           url: oci://ghcr.io/acme/manifests/shop
         ---
         apiVersion: kustomize.toolkit.fluxcd.io/v1
        """,
        stale.get(0).diff());
    assertTrue(
        Files.readString(dir.resolve("flux/clusters/staging/shop.yaml")).contains("semver"),
        "check wrote");

    FluxGenerate.Result onlyStaging =
        FluxGenerate.run(
            new FluxGenerate.Request(config, List.of("staging"), false), Progress.quiet());
    assertEquals(2, onlyStaging.files().size());
    assertEquals(
        List.of(false, true),
        onlyStaging.files().stream().map(FluxGenerate.FileResult::changed).toList());
    assertEquals(old, Files.getLastModifiedTime(shop));
  }

  @Test
  void aBootstrappedClusterKeepsItsFluxSystemDirectory() throws Exception {
    Path config = dir.resolve("hoist.yaml");
    Files.writeString(config, HOIST_YAML);
    Files.createDirectories(dir.resolve("flux/clusters/staging/flux-system"));
    FluxGenerate.run(new FluxGenerate.Request(config, List.of(), false), Progress.quiet());
    assertEquals(
        """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
        - flux-system
        - shop.yaml
        """,
        Files.readString(dir.resolve("flux/clusters/staging/kustomization.yaml")));
  }

  @Test
  void anUnknownClusterIsAUsageError() throws Exception {
    Path config = dir.resolve("hoist.yaml");
    Files.writeString(config, HOIST_YAML);
    HoistException e =
        assertThrows(
            HoistException.class,
            () ->
                FluxGenerate.run(
                    new FluxGenerate.Request(config, List.of("prod"), false), Progress.quiet()));
    assertEquals(ExitCode.USAGE, e.exitCode());
    assertEquals(
        "--cluster prod: not in hoist.yaml (clusters: production, staging)", e.getMessage());
  }
}
