package dev.hoist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.testing.RealParts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hoist flux generate} and {@code hoist validate} through the command line: output and exit
 * codes.
 */
class FluxCommandsTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run hoist(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void generateWithTheReleaseRegistryAgreesWithWhatTheReleaseWrote() throws Exception {
    Path config = dir.resolve("hoist.yaml");
    Files.writeString(
        config,
        """
        project: shop
        registry: ghcr.io/acme
        overlays: [prod]
        clusters:
          - {name: production, overlay: prod}
        """);
    // what `release --registry 127.0.0.1:5000/team` writes: the artifact's URL at that registry
    assertEquals(
        0,
        hoist(
                "flux",
                "generate",
                "--config",
                config.toString(),
                "--registry",
                "127.0.0.1:5000/team")
            .code());
    assertTrue(
        Files.readString(dir.resolve("flux/clusters/production/shop.yaml"))
            .contains("url: oci://127.0.0.1:5000/team/manifests/shop"));
    Run stale = hoist("flux", "generate", "--config", config.toString(), "--check");
    assertEquals(1, stale.code(), "hoist.yaml's registry differs from the released one");
    Run agree =
        hoist(
            "flux",
            "generate",
            "--config",
            config.toString(),
            "--check",
            "--registry",
            "127.0.0.1:5000/team");
    assertEquals(0, agree.code(), agree.out() + agree.err());
    Run bad =
        hoist("flux", "generate", "--config", config.toString(), "--registry", "127.0.0.1:5000");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--registry 127.0.0.1:5000: expected HOST[:PORT]/NAMESPACE"));
  }

  @Test
  void aClusterMayListSeveralKustomizationsOfTheArtifact() throws Exception {
    Path config = dir.resolve("hoist.yaml");
    Files.writeString(
        config,
        """
        project: shop
        registry: ghcr.io/acme
        overlays: [infra, prod]
        units:
          - name: cert-manager
            chart: {repository: https://charts.jetstack.io, name: cert-manager, version: "1.x"}
        clusters:
          - name: production
            ref: {semver: ">=1.0.0"}
            units: [cert-manager]
            kustomizations:
              - {name: infrastructure, overlay: infra, dependsOn: [cert-manager]}
              - {name: apps, overlay: prod, dependsOn: [infrastructure]}
          - name: shared
            kustomizations:
              - {name: shop-blue, overlay: prod, targetNamespace: blue}
              - {name: shop-green, overlay: prod, targetNamespace: green}
        """);
    Run run = hoist("flux", "generate", "--config", config.toString());
    assertEquals(0, run.code(), run.err());
    Path production = dir.resolve("flux/clusters/production");
    assertEquals(INFRA, Files.readString(production.resolve("infrastructure.yaml")));
    assertEquals(APPS, Files.readString(production.resolve("apps.yaml")));
    String blue = Files.readString(dir.resolve("flux/clusters/shared/shop-blue.yaml"));
    assertTrue(
        blue.contains("  targetNamespace: blue\n")
            && blue.contains("apiVersion: source.toolkit.fluxcd.io/v1\n"),
        blue);
    String green = Files.readString(dir.resolve("flux/clusters/shared/shop-green.yaml"));
    assertTrue(
        green.contains("  targetNamespace: green\n")
            && !green.contains("apiVersion: source.toolkit.fluxcd.io"),
        green);
    Run valid =
        hoist(
            "validate",
            "--crds",
            dev.hoist.testing.RealParts.shared("flux-crds").toString(),
            dir.resolve("flux").toString());
    assertEquals(0, valid.code(), valid.out() + valid.err());

    Files.writeString(
        config,
        Files.readString(config).replace("dependsOn: [infrastructure]", "dependsOn: [infra]"));
    Run bad = hoist("flux", "generate", "--config", config.toString());
    assertEquals(3, bad.code());
    assertTrue(
        bad.err().contains("clusters[0].kustomizations[1].dependsOn: unknown 'infra'"), bad.err());

    Files.writeString(
        config,
        Files.readString(config)
            .replace("dependsOn: [infra]", "dependsOn: [infrastructure]")
            .replace("dependsOn: [cert-manager]", "dependsOn: [apps]"));
    Run cycle = hoist("flux", "generate", "--config", config.toString());
    assertEquals(3, cycle.code());
    assertTrue(
        cycle
            .err()
            .contains(
                "clusters[0].kustomizations: dependency cycle: infrastructure -> apps -> infrastructure"),
        cycle.err());

    Files.writeString(
        config,
        Files.readString(config)
            .replace("dependsOn: [apps]", "")
            .replace("version: \"1.x\"}", "version: \"1.x\"}\n    dependsOn: [shop]"));
    Run project = hoist("flux", "generate", "--config", config.toString());
    assertEquals(3, project.code());
    assertTrue(
        project.err().contains("has no Kustomization named 'shop' to depend on"), project.err());
  }

  private static final String INFRA =
      """
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: OCIRepository
        metadata:
          name: shop
          namespace: flux-system
        spec:
          interval: 1m0s
          provider: generic
          ref:
            semver: '>=1.0.0'
          url: oci://ghcr.io/acme/manifests/shop
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: infrastructure
          namespace: flux-system
        spec:
          dependsOn:
          - name: cert-manager
          interval: 1m0s
          path: ./overlays/infra
          prune: true
          sourceRef:
            kind: OCIRepository
            name: shop
          timeout: 5m0s
          wait: true
        """;

  private static final String APPS =
      """
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: apps
          namespace: flux-system
        spec:
          dependsOn:
          - name: infrastructure
          interval: 1m0s
          path: ./overlays/prod
          prune: true
          sourceRef:
            kind: OCIRepository
            name: shop
          timeout: 5m0s
          wait: true
        """;

  @Test
  void noClustersIsSaidNotSilent() throws Exception {
    Path config = dir.resolve("hoist.yaml");
    Files.writeString(config, "project: shop\nregistry: ghcr.io/acme\noverlays: [prod]\n");
    Run run = hoist("flux", "generate", "--config", config.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("lists no clusters: no Flux objects to generate"), run.err());
  }

  @Test
  void generateThenCheckThenValidate() throws Exception {
    Path config = dir.resolve("hoist.yaml");
    Files.writeString(
        config,
        """
        project: shop
        registry: ghcr.io/acme
        overlays: [prod]
        clusters:
          - {name: production, overlay: prod}
        """);
    Run check = hoist("flux", "generate", "--config", config.toString(), "--check");
    assertEquals(1, check.code());
    assertTrue(
        check
            .out()
            .startsWith("--- /dev/null\n+++ b/flux/clusters/production/kustomization.yaml\n"),
        check.out());
    assertTrue(check.err().contains("hoist: flux/ is stale: run hoist flux generate"), check.err());

    Run generate = hoist("flux", "generate", "--config", config.toString(), "-o", "json");
    assertEquals(0, generate.code(), generate.err());
    assertTrue(
        generate.out().contains("\"path\" : \"flux/clusters/production/shop.yaml\""),
        generate.out());
    assertEquals(0, hoist("flux", "generate", "--config", config.toString(), "--check").code());

    Path flux = dir.resolve("flux");
    Run noCrds = hoist("validate", flux.toString());
    assertEquals(2, noCrds.code());
    assertTrue(
        noCrds.err().contains("Flux objects found but no CRDs given: pass --crds DIR"),
        noCrds.err());

    String crds = RealParts.shared("flux-crds").toString();
    Run badCrds = hoist("validate", "--crds", flux.toString(), flux.toString());
    assertEquals(2, badCrds.code());
    assertEquals(
        "hoist: error: --crds "
            + flux
            + ": no CustomResourceDefinition with a served openAPIV3Schema "
            + "found\n",
        badCrds.err());
    Run valid = hoist("validate", "--crds", crds, flux.toString());
    assertEquals(0, valid.code(), valid.out());
    Path shop = flux.resolve("clusters/production/shop.yaml");
    Files.writeString(shop, Files.readString(shop).replace("  prune: true", "  prunne: true"));
    Run invalid = hoist("validate", "--crds", crds, flux.toString(), "-o", "json");
    assertEquals(1, invalid.code());
    assertTrue(invalid.out().contains("\"path\" : \".spec.prunne\""), invalid.out());
    assertTrue(
        invalid.out().contains("\"object\" : \"Kustomization/flux-system/shop\""), invalid.out());
  }

  @Test
  void anInvalidHoistYamlIsExitCode3WithOneLine() throws Exception {
    Path config = dir.resolve("hoist.yaml");
    Files.writeString(
        config,
        """
        project: shop
        registry: ghcr.io/acme
        overlays: [prod]
        clusters:
          - {name: production, overlay: prod, units: [nope]}
        """);
    Run run = hoist("flux", "generate", "--config", config.toString());
    assertEquals(3, run.code());
    assertEquals(
        "hoist: error: hoist.yaml:5: clusters[0].units: unknown unit 'nope' (not under units, and not the "
            + "project 'shop')\n",
        run.err());
  }
}
