package dev.hoist.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.oci.OciLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code hoist release} checks is what it pushes, and a refusal that can be known before
 * pushing leaves the destination untouched: a {@code .env} the overlay needs but the artifact
 * drops, a plaintext Secret, a version tag that names another artifact.
 */
class ReleasePromisesTest {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  @TempDir Path dir;
  private Path out;

  private void commit(String tag, String... pathsAndContents) throws Exception {
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      ShopProject.write(dir, pathsAndContents[i], pathsAndContents[i + 1]);
    }
    try (Git git = Git.open(dir.toFile())) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("change").setSign(false).call();
      git.tag().setName(tag).setAnnotated(false).setForceUpdate(true).call();
    }
  }

  private ShopProject.Run release() {
    out = dir.resolve("target/out");
    return ShopProject.hoist(dir, "release", "--oci-layout", out.toString(), "-q");
  }

  private static String error(ShopProject.Run run) {
    return run.err().lines().filter(l -> l.startsWith("hoist: error: ")).findFirst().orElse("");
  }

  @Test
  void anEnvFileTheOverlayNeedsButTheArtifactDropsStopsTheReleaseNamingIt() throws Exception {
    ShopProject.write(dir);
    commit(
        "v1.2.4",
        "overlays/prod/kustomization.yaml",
        "resources:\n  - ../../base\nconfigMapGenerator:\n  - name: api-env\n    envs: [.env]\n",
        "overlays/prod/.env",
        "DB_URL=postgres://localhost/shop\n");
    ShopProject.Run run = release();
    assertEquals(1, run.code(), run.err());
    String e = error(run);
    assertTrue(
        e.contains("overlay prod does not render from the artifact that would be pushed"), e);
    assertTrue(e.contains("removed overlays/prod/.env"), e);
    assertTrue(e.contains("SOPS") && e.contains("ExternalSecret"), e);
    assertTrue(e.endsWith("nothing was pushed"), e);
    assertFalse(Files.exists(out), "nothing may reach the destination");
    assertFalse(Files.exists(dir.resolve("flux")));
  }

  @Test
  void aPlaintextSecretNeverLeavesTheMachineButSopsAndAnnotatedOnesDo() throws Exception {
    ShopProject.write(dir);
    commit(
        "v1.2.4",
        "base/kustomization.yaml",
        "resources:\n  - deployment.yaml\n  - secret.yaml\n",
        "base/secret.yaml",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n"
            + "stringData:\n  MONGODB_URI: mongodb://admin:hunter2@mongo:27017\n");
    ShopProject.Run refused = release();
    assertEquals(1, refused.code(), refused.err());
    assertTrue(
        error(refused)
            .contains(
                "Secret db holds plaintext values (stringData.MONGODB_URI): encrypt it with SOPS"),
        refused.err());
    assertFalse(Files.exists(out));

    commit(
        "v1.2.5",
        "base/secret.yaml",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n"
            + "stringData:\n  MONGODB_URI: ENC[AES256_GCM,data:abc=,iv:x=,tag:y=,type:str]\n"
            + "sops:\n  version: 3.9.0\n  lastmodified: \"2026-01-01T00:00:00Z\"\n");
    assertEquals(0, release().code());

    commit(
        "v1.2.6",
        "base/secret.yaml",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  annotations:\n"
            + "    hoist.dev/allow-plaintext-secret: \"dummy value for the dev cluster\"\n"
            + "stringData:\n  MONGODB_URI: mongodb://dev@localhost\n");
    assertEquals(0, release().code());
  }

  @Test
  void aVersionTagThatNamesAnotherArtifactStopsTheReleaseBeforeAnyImageIsPushed() throws Exception {
    ShopProject.write(dir);
    ShopProject.Run first = release();
    assertEquals(0, first.code(), first.err());
    OciLayout api = OciLayout.at(out.resolve("api"));
    Optional<dev.hoist.oci.Digest> before = api.resolve("1.2.3");
    List<String> blobsBefore = blobs(out);
    // v1.2.3 moved to a commit whose overlay differs: the artifact's 1.2.3 is taken by another
    // digest, and the image (whose jar changed) must not move either
    ShopProject.writeJar(dir.resolve("target/api.jar"));
    commit(
        "v1.2.3",
        "overlays/prod/kustomization.yaml",
        "resources:\n  - ../../base\nnamePrefix: moved-\n");
    ShopProject.Run second = release();
    assertEquals(1, second.code(), second.err());
    assertTrue(error(second).contains("version tags are immutable"), second.err());
    assertTrue(error(second).contains("nothing was uploaded"), second.err());
    assertEquals(before, api.resolve("1.2.3"));
    assertEquals(blobsBefore, blobs(out), "no blob may be added");
  }

  private static List<String> blobs(Path root) throws Exception {
    try (var walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().contains("/blobs/"))
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void aReleaseIsReRunnableAndSaysWhatToCommitThenTheNextTagNeedsNoManualStep() throws Exception {
    ShopProject.write(dir);
    ShopProject.Run first =
        ShopProject.hoist(
            dir, "release", "--oci-layout", dir.resolve("target/out").toString(), "-o", "json");
    assertEquals(0, first.code(), first.err());
    assertEquals(
        "[\"flux/clusters/production/kustomization.yaml\",\"flux/clusters/production/shop.yaml\"]",
        JSON.readTree(first.out()).path("commit").toString());
    assertTrue(
        first.err().contains("commit: this release wrote flux/clusters/production/"), first.err());

    // a CI retry of the same tag in the same workspace: the files it wrote are not dirt
    ShopProject.Run again =
        ShopProject.hoist(
            dir, "release", "--oci-layout", dir.resolve("target/out").toString(), "-o", "json");
    assertEquals(0, again.code(), again.err());
    assertEquals("[]", JSON.readTree(again.out()).path("commit").toString());

    // another change in the tree is still dirt
    Files.writeString(dir.resolve("flux/clusters/production/shop.yaml"), "edited by hand\n");
    assertEquals(
        5,
        ShopProject.hoist(dir, "release", "--oci-layout", dir.resolve("target/out").toString())
            .code());

    // the workflow commits what the release wrote; the next tag releases without a manual step
    ShopProject.hoist(
        dir, "release", "--oci-layout", dir.resolve("target/out").toString(), "--snapshot", "-q");
    commit("v1.2.4", "README.md", "next\n");
    ShopProject.Run next =
        ShopProject.hoist(
            dir, "release", "--oci-layout", dir.resolve("target/out").toString(), "-q");
    assertEquals(0, next.code(), next.err());
  }

  @Test
  void aReleaseThatLeavesLatestAloneSaysWhy() throws Exception {
    ShopProject.write(dir);
    commit("v1.3.0-rc.1", "README.md", "rc\n");
    Path layout = dir.resolve("target/out");
    ShopProject.Run rc = ShopProject.hoist(dir, "release", "--oci-layout", layout.toString());
    assertEquals(0, rc.code(), rc.err());
    assertTrue(
        rc.err().contains("latest not moved: 1.3.0-rc.1 is a pre-release (only releases move it)"),
        rc.err());
    Files.writeString(dir.resolve("README.md"), "dirty\n");
    ShopProject.Run snapshot =
        ShopProject.hoist(dir, "release", "--oci-layout", layout.toString(), "--snapshot");
    assertEquals(0, snapshot.code(), snapshot.err());
    assertTrue(
        snapshot.err().contains("latest not moved: a snapshot never moves it"), snapshot.err());
  }

  @Test
  void aRepositoryWithChartsAndNoOverlaysReleasesImagesAndFluxObjects() throws Exception {
    ShopProject.write(dir);
    commit(
        "v1.2.3",
        "hoist.yaml",
        """
        project: shop
        registry: ghcr.io/acme
        apps:
          - name: api
            jar: target/api.jar
            mainClass: com.acme.Api
        units:
          - name: api-chart
            chart: {oci: oci://ghcr.io/acme/charts/api, ref: {semver: "1.x"}}
            values: {image: {repository: ghcr.io/acme/api}}
        clusters:
          - name: production
            units: [api-chart]
        """);
    Path layout = dir.resolve("target/out");
    ShopProject.Run run =
        ShopProject.hoist(dir, "release", "--oci-layout", layout.toString(), "-o", "json");
    assertEquals(0, run.code(), run.err());
    assertTrue(
        run.err()
            .contains("artifact: skipped, hoist.yaml lists no overlays (images and Flux objects"),
        run.err());
    com.fasterxml.jackson.databind.JsonNode result = JSON.readTree(run.out());
    assertEquals(1, result.path("images").size(), run.out());
    assertEquals(0, result.path("artifacts").size(), run.out());
    assertFalse(Files.exists(layout.resolve("manifests")));
    String flux = Files.readString(dir.resolve("flux/clusters/production/kustomization.yaml"));
    assertTrue(flux.contains("- api-chart.yaml") && !flux.contains("shop.yaml"), flux);
    assertTrue(Files.exists(dir.resolve("flux/clusters/production/api-chart/release.yaml")));

    // with overlays listed, a cluster still needs one
    commit(
        "v1.2.4", "hoist.yaml", Files.readString(dir.resolve("hoist.yaml")) + "overlays: [prod]\n");
    ShopProject.Run refused = ShopProject.hoist(dir, "release", "--oci-layout", layout.toString());
    assertEquals(3, refused.code(), refused.err());
    assertTrue(error(refused).contains("clusters[0].overlay: required"), refused.err());
  }

  @Test
  void lintErrorsStopTheReleaseBeforeAnyPushUnlessNoLint() throws Exception {
    ShopProject.write(dir);
    commit(
        "v1.2.3",
        "base/deployment.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: api
                  securityContext: {privileged: true}
        """);
    Path layout = dir.resolve("target/out");
    ShopProject.Run refused = ShopProject.hoist(dir, "release", "--oci-layout", layout.toString());
    assertEquals(1, refused.code(), refused.err());
    assertTrue(
        error(refused)
            .startsWith(
                "hoist: error: lint: 1 error(s), first: privileged in overlay prod at"
                    + " base/deployment.yaml:11: Deployment api: container api is privileged;"
                    + " nothing was pushed"),
        refused.err());
    assertFalse(Files.exists(layout.resolve("api/index.json")), "nothing was pushed");
    ShopProject.Run forced =
        ShopProject.hoist(dir, "release", "--oci-layout", layout.toString(), "--no-lint");
    assertEquals(0, forced.code(), forced.err());
    assertTrue(
        forced
            .err()
            .contains("lint: WARNING: releasing despite 1 lint error(s) because of --no-lint"),
        forced.err());
  }
}
