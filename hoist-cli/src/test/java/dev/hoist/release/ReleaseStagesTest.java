package dev.hoist.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.image.ImageBuilders;
import dev.hoist.oci.OciLayout;
import dev.hoist.run.Progress;
import dev.hoist.testing.FakeImageBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release composes its stages around the image builder it is given: with a fixed fake in place
 * of Jib, the whole pipeline (tags, pins, artifact, Flux objects) runs without building a real
 * image, and a builder that fails stops it before anything reaches the destination.
 */
class ReleaseStagesTest {
  @TempDir Path dir;

  private ReleaseRequest request(Path out) throws Exception {
    if (!Files.exists(dir.resolve("hoist.yaml"))) {
      ShopProject.write(dir);
    }
    try (Git git = Git.open(dir.toFile())) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("shop").setSign(false).call();
      git.tag().setName("v1.2.4").setAnnotated(false).call();
    }
    return new ReleaseRequest(
        dir.resolve("hoist.yaml"), new Destination.Layout(out), null, false, false);
  }

  /** The real parts with {@code builder} in place of Jib. */
  private static ReleaseParts withBuilder(dev.hoist.image.ImageBuilder builder) {
    return ReleaseParts.real().withBuilders((p, credentials) -> builder);
  }

  @Test
  void theReleasePinsAndPublishesWhatTheGivenBuilderBuilt() throws Exception {
    Path out = dir.resolve("target/out");
    FakeImageBuilder fake = new FakeImageBuilder();
    List<String> progress = new ArrayList<>();
    ReleaseResult result = Release.run(request(out), (Progress) progress::add, withBuilder(fake));

    assertEquals(List.of("api [1.2.4, latest]"), fake.built);
    String digest = result.images().get(0).digest();
    assertEquals(
        digest, OciLayout.at(out.resolve("api")).resolve("1.2.4").orElseThrow().toString());
    assertEquals(
        digest, OciLayout.at(out.resolve("api")).resolve("latest").orElseThrow().toString());
    assertEquals("1.2.4", result.version());
    assertEquals(1, result.artifacts().size());
    assertTrue(
        progress.contains("image api: built ghcr.io/acme/api@" + digest),
        String.join("\n", progress));
    String flux = Files.readString(dir.resolve("flux/clusters/production/shop.yaml"));
    assertTrue(flux.contains("url: oci://ghcr.io/acme/manifests/shop"), flux);
  }

  /** The shop with chart {@code api} installed by unit api-chart with {@code unitValues}. */
  private void shopWithChart(String valuesYaml, String template, String unitValues)
      throws Exception {
    ShopProject.write(dir);
    ShopProject.write(
        dir, "deploy/charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.3.7\n");
    ShopProject.write(dir, "deploy/charts/api/values.yaml", valuesYaml);
    if (template != null) {
      ShopProject.write(dir, "deploy/charts/api/templates/configmap.yaml", template);
    }
    String config = Files.readString(dir.resolve("hoist.yaml"));
    ShopProject.write(
        dir,
        "hoist.yaml",
        config.replace(
                "    ref: {semver: \">=1.0.0\"}\n",
                "    ref: {semver: \">=1.0.0\"}\n    units: [api-chart]\n")
            + """
            charts:
              - path: deploy/charts/api
                images:
                  api: {repository: image.repository, tag: image.tag}
            units:
              - name: api-chart
                chart: {project: api, version: "0.3.x"}
            """
            + unitValues);
  }

  @Test
  void aTaggedReleasePinsItsImageIntoTheHelmReleaseOfTheProjectsChart() throws Exception {
    shopWithChart("image:\n  repository: api\n  tag: dev\n", null, "");
    Path out = dir.resolve("target/out");
    FakeImageBuilder fake = new FakeImageBuilder();
    ReleaseRequest tagged = request(out);
    ReleaseResult result = Release.run(tagged, m -> {}, withBuilder(fake));
    Path file = dir.resolve("flux/clusters/production/api-chart/release.yaml");
    String release = Files.readString(file);
    String digest = result.images().get(0).digest();
    assertTrue(
        release.endsWith(
            "  values:\n    image:\n      repository: ghcr.io/acme/api\n      tag: 1.2.4@"
                + digest
                + "\n"),
        release);
    assertTrue(result.commit().contains("flux/clusters/production/api-chart/release.yaml"));
    // generating again keeps what the release wrote
    dev.hoist.clusters.FluxGenerate.Result check =
        dev.hoist.clusters.FluxGenerate.run(
            new dev.hoist.clusters.FluxGenerate.Request(dir.resolve("hoist.yaml"), List.of(), true),
            m -> {});
    assertTrue(
        check.files().stream().noneMatch(dev.hoist.clusters.FluxGenerate.FileResult::changed));

    // a snapshot of a later commit pins nothing: the values of the tagged release stay
    try (Git git = Git.open(dir.toFile())) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("flux of 1.2.4").setSign(false).call();
    }
    Release.run(
        new ReleaseRequest(
            dir.resolve("hoist.yaml"), new Destination.Layout(out), null, true, false),
        m -> {},
        withBuilder(fake));
    assertEquals(release, Files.readString(file));
  }

  @Test
  void aChartThatDoesNotRenderWithItsReleaseValuesStopsTheReleaseBeforeAnyPush() throws Exception {
    shopWithChart(
        "image:\n  repository: api\n  tag: dev\nfail: false\n",
        "{{ if .Values.fail }}{{ fail \"fail is set\" }}{{ end }}\n"
            + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\n"
            + "data:\n  image: {{ .Values.image.repository }}:{{ .Values.image.tag }}\n",
        "    values: {fail: true}\n");
    Path out = dir.resolve("target/out");
    ReleaseRequest request = request(out);
    ReleaseException e =
        assertThrows(
            ReleaseException.class,
            () -> Release.run(request, m -> {}, withBuilder(new FakeImageBuilder())));
    assertTrue(
        e.getMessage().contains("unit api-chart: [ERROR]")
            && e.getMessage().contains("does not render with the values of HelmRelease api-chart")
            && e.getMessage().contains("fail is set")
            && e.getMessage().endsWith("nothing was pushed"),
        e.getMessage());
    assertFalse(Files.exists(out), "nothing may reach the destination");
  }

  @Test
  void anImagePathTheChartDoesNotHaveStopsTheRelease() throws Exception {
    shopWithChart("image:\n  name: api\n", null, "");
    ReleaseRequest request = request(dir.resolve("target/out"));
    ReleaseException e =
        assertThrows(
            ReleaseException.class,
            () -> Release.run(request, m -> {}, withBuilder(new FakeImageBuilder())));
    assertTrue(
        e.getMessage()
            .contains(
                "charts[0].images.api: 'image.repository' is not a value of the chart (the image"
                    + " would not reach it)"),
        e.getMessage());
  }

  @Test
  void theRenderedOverlaysAreValidatedBeforeAnythingIsPushed() throws Exception {
    Path out = dir.resolve("target/out");
    ReleaseRequest plain = request(out);
    List<String> progress = new ArrayList<>();
    Release.run(plain, (Progress) progress::add, withBuilder(new FakeImageBuilder()));
    assertTrue(
        progress.stream()
            .anyMatch(m -> m.startsWith("validate: ") && m.contains("set HOIST_K8S_OPENAPI=FILE")),
        String.join("\n", progress));

    // a field the API server does not know, checked against Kubernetes 1.36's OpenAPI document
    String deployment = Files.readString(dir.resolve("base/deployment.yaml"));
    ShopProject.write(
        dir,
        "base/deployment.yaml",
        deployment.replace("  template:", "  replica: 2\n  template:"));
    try (Git git = Git.open(dir.toFile())) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("typo").setSign(false).call();
      git.tag().setName("v1.2.5").setAnnotated(false).call();
    }
    Path openApi = dev.hoist.testing.RealParts.shared("k8s-openapi").resolve("swagger-v1.36.json");
    Path fresh = dir.resolve("target/fresh");
    ReleaseRequest strict =
        new ReleaseRequest(
            dir.resolve("hoist.yaml"),
            new Destination.Layout(fresh),
            null,
            false,
            false,
            false,
            false,
            null,
            false,
            openApi);
    ReleaseException e =
        assertThrows(
            ReleaseException.class,
            () -> Release.run(strict, m -> {}, withBuilder(new FakeImageBuilder())));
    assertTrue(
        e.getMessage().startsWith("validate: ")
            && e.getMessage().contains("Deployment/api .spec.replica: unknown field \"replica\"")
            && e.getMessage().endsWith("nothing was pushed (hoist validate --overlays lists them)"),
        e.getMessage());
    assertFalse(Files.exists(fresh), "nothing may reach the destination");
  }

  @Test
  void hoistYamlsSignKeySignsImagesSbomsAndTheArtifactAndFluxVerifies() throws Exception {
    ShopProject.write(dir);
    List<Path> pair = dev.hoist.sign.KeyPairs.generate(dir.resolve("keys/cosign"));
    ShopProject.write(
        dir,
        "hoist.yaml",
        Files.readString(dir.resolve("hoist.yaml"))
            + "sign: {key: keys/cosign.key, secretRef: cosign-pub}\n");
    ShopProject.write(dir, ".gitignore", "target/\nkeys/\n");
    Path out = dir.resolve("target/out");
    ReleaseResult result = Release.run(request(out), m -> {}, withBuilder(new FakeImageBuilder()));
    // the image, its SBOM and the artifact, each signed by digest where it was published
    assertEquals(
        List.of(
            out.resolve("api") + "@" + result.images().get(0).digest(),
            out.resolve("api") + "@" + result.sboms().get(0).sbom(),
            out.resolve("manifests/shop") + "@" + result.artifacts().get(0).digest()),
        result.signatures().stream().map(ReleaseResult.Signature::signed).toList());
    // each signature verifies with the public key, as Flux's cosign verification would
    java.security.PublicKey key = dev.hoist.sign.SigningKey.publicKey(pair.get(1));
    for (ReleaseResult.Signature signature : result.signatures()) {
      String signed = signature.signed();
      assertEquals(
          java.util.Optional.empty(),
          dev.hoist.sign.Signer.verify(
              dev.hoist.oci.OciLayout.at(Path.of(signed.substring(0, signed.indexOf('@')))),
              dev.hoist.oci.Digest.parse(signed.substring(signed.indexOf('@') + 1)),
              key),
          signed);
    }
    String flux = Files.readString(dir.resolve("flux/clusters/production/shop.yaml"));
    assertTrue(
        flux.contains("  verify:\n    provider: cosign\n    secretRef:\n      name: cosign-pub\n"),
        flux);
  }

  @Test
  void sbomOutputWritesEachImagesSbomBesidesAttachingIt() throws Exception {
    ReleaseRequest base = request(dir.resolve("target/out"));
    Path sboms = dir.resolve("target/sboms");
    ReleaseRequest request =
        new ReleaseRequest(
            base.config(),
            base.destination(),
            null,
            false,
            false,
            false,
            false,
            null,
            false,
            null,
            sboms);
    ReleaseResult result = Release.run(request, m -> {}, withBuilder(new FakeImageBuilder()));
    com.fasterxml.jackson.databind.JsonNode sbom =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(Files.readString(sboms.resolve("api.cdx.json")));
    assertEquals("CycloneDX", sbom.path("bomFormat").asText());
    assertEquals("1.6", sbom.path("specVersion").asText());
    assertTrue(
        sbom.path("metadata")
            .path("component")
            .path("purl")
            .asText()
            .contains(result.images().get(0).digest().replace(":", "%3A")),
        sbom.toString());
    try (var files = Files.list(sboms)) {
      assertEquals(
          List.of(sboms.resolve("api.cdx.json")), files.toList(), "no temporary file left");
    }
  }

  @Test
  void aBuilderThatFailsStopsTheReleaseBeforeAnythingIsStored() throws Exception {
    Path out = dir.resolve("target/out");
    ImageBuilders failing =
        (p, credentials) ->
            (app, request, target) -> {
              throw new IOException("base image eclipse-temurin:17-jre: connection refused");
            };
    ReleaseRequest request = request(out);
    ReleaseException e =
        assertThrows(
            ReleaseException.class,
            () -> Release.run(request, m -> {}, ReleaseParts.real().withBuilders(failing)));
    assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    assertFalse(Files.exists(out), "nothing may reach the destination");
    assertFalse(Files.exists(dir.resolve("flux")));
  }
}
