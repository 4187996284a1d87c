package dev.hoist.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FluxObjectsTest {
  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @Test
  void tagWithWaitAndDefaults() throws Exception {
    ClusterUnit unit =
        new ClusterUnit(
            "prod",
            "shop",
            null,
            "oci://registry.example.com/shop/manifests",
            new RefPolicy.Tag("latest"),
            Duration.ofMinutes(5),
            null,
            "overlays/prod",
            true,
            true);
    Golden.assertGolden("tag", FluxObjects.render(unit));
  }

  @Test
  void semverWithFilterAndTimeoutWithoutWait() throws Exception {
    ClusterUnit unit =
        new ClusterUnit(
            "staging",
            "shop",
            "apps",
            "oci://127.0.0.1:5000/shop/manifests",
            new RefPolicy.Semver(">=1.0.0 <2.0.0", ".*-rc.*"),
            Duration.ofMinutes(10),
            Duration.ofMinutes(3),
            "./overlays/staging/",
            false,
            false);
    Golden.assertGolden("semver", FluxObjects.render(unit));
  }

  @Test
  void digestAtTheArtifactRoot() throws Exception {
    ClusterUnit unit =
        new ClusterUnit(
            "edge",
            "shop.web",
            "flux-system",
            "oci://ghcr.io/acme/shop-manifests",
            new RefPolicy.DigestRef(DIGEST),
            Duration.ofMinutes(90),
            Duration.ofSeconds(90),
            ".",
            true,
            true);
    Golden.assertGolden("digest", FluxObjects.render(unit));
  }

  @Test
  void defaultsIntervalToOneMinuteAndNamespaceToFluxSystem() {
    ClusterUnit unit =
        new ClusterUnit(
            "dev",
            "app",
            null,
            "oci://r/app",
            new RefPolicy.Tag("dev"),
            null,
            null,
            "overlays/dev",
            true,
            false);
    assertEquals("flux-system", unit.namespace());
    assertEquals(Duration.ofMinutes(1), unit.interval());
    assertEquals("./overlays/dev", unit.path());
  }

  @Test
  void rejectsBadInputWithOneLine() {
    assertEquals(
        "url for cluster dev must start with oci://: https://r/app",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new ClusterUnit(
                        "dev",
                        "app",
                        null,
                        "https://r/app",
                        new RefPolicy.Tag("x"),
                        null,
                        null,
                        "o",
                        true,
                        false))
            .getMessage());
    assertEquals(
        "invalid Flux object name for cluster dev: App",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new ClusterUnit(
                        "dev",
                        "App",
                        null,
                        "oci://r/app",
                        new RefPolicy.Tag("x"),
                        null,
                        null,
                        "o",
                        true,
                        false))
            .getMessage());
    assertEquals(
        "path for cluster dev leaves the artifact: ../other",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new ClusterUnit(
                        "dev",
                        "app",
                        null,
                        "oci://r/app",
                        new RefPolicy.Tag("x"),
                        null,
                        null,
                        "../other",
                        true,
                        false))
            .getMessage());
    assertEquals(
        "interval for cluster dev must be positive: PT0S",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new ClusterUnit(
                        "dev",
                        "app",
                        null,
                        "oci://r/app",
                        new RefPolicy.Tag("x"),
                        Duration.ZERO,
                        null,
                        "o",
                        true,
                        false))
            .getMessage());
    assertEquals(
        "ref digest is not a digest: sha256:xyz",
        assertThrows(IllegalArgumentException.class, () -> new RefPolicy.DigestRef("sha256:xyz"))
            .getMessage());
    assertEquals(
        "invalid cluster name (letters, digits, '.', '_', '-'): ../x",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new ClusterUnit(
                        "../x",
                        "app",
                        null,
                        "oci://r/app",
                        new RefPolicy.Tag("x"),
                        null,
                        null,
                        "o",
                        true,
                        false))
            .getMessage());
    assertEquals(
        "ref tag must not be empty",
        assertThrows(IllegalArgumentException.class, () -> new RefPolicy.Tag(" ")).getMessage());
  }
}
