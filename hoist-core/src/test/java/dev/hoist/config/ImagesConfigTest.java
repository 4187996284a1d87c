package dev.hoist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which overlays a release pins third-party images in ({@code images.pinThirdParty}). */
class ImagesConfigTest {
  @TempDir Path dir;

  private static final String YAML =
      """
      project: shop
      registry: ghcr.io/acme
      overlays: [dev, staging, prod, live]
      clusters:
        - {name: test, overlay: staging, ref: {tag: latest}}
        - {name: eu, overlay: live, ref: {semver: ">=1.0.0"}}
      """;

  private ProjectConfig load(String extra) throws Exception {
    Files.createDirectories(dir);
    return Descriptors.load(dir, YAML + extra);
  }

  private static boolean pins(ProjectConfig c, String overlay) {
    return c.images().pins(c.overlay(overlay).orElseThrow(), c.clusters());
  }

  @Test
  void byDefaultProductionOverlaysOnly() throws Exception {
    ProjectConfig c = load("");
    assertTrue(pins(c, "prod"), "named prod");
    assertTrue(pins(c, "live"), "a cluster follows versions with it");
    assertFalse(pins(c, "staging"), "a cluster follows latest with it");
    assertFalse(pins(c, "dev"));
  }

  @Test
  void trueAndFalseApplyToEveryOverlay() throws Exception {
    ProjectConfig on = load("images: {pinThirdParty: true}\n");
    assertTrue(pins(on, "dev") && pins(on, "staging"));
    ProjectConfig off = load("images: {pinThirdParty: false}\n");
    assertFalse(pins(off, "prod") || pins(off, "live"));
    assertEquals(
        "hoist.yaml:8: images.pinThirdParty: expected true or false, found 'yes'",
        Descriptors.error(dir, YAML + "images:\n  pinThirdParty: yes\n"));
  }
}
