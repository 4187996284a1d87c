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

/** hoist diff against a released artifact in the real registry, pulled and rendered. */
class DiffIT {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int hoist(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void againstTheReleasedArtifact() throws Exception {
    Files.writeString(
        dir.resolve("hoist.yaml"), "project: shop\nregistry: ghcr.io/acme\noverlays: [dev]\n");
    Files.createDirectories(dir.resolve("overlays/dev"));
    Files.writeString(dir.resolve("overlays/dev/kustomization.yaml"), "resources: [cm.yaml]\n");
    Files.writeString(
        dir.resolve("overlays/dev/cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {level: info}\n");
    String url = "oci://" + RealParts.registry() + "/diff" + System.nanoTime() + "/manifests:1.0.0";
    assertEquals(
        0,
        hoist(
            "artifact",
            "push",
            url,
            "--path",
            dir.toString(),
            "--source",
            "https://example.com/s.git",
            "--revision",
            "1.0.0@sha1:0000000000000000000000000000000000000001",
            "--insecure"),
        err.toString());
    String config = dir.resolve("hoist.yaml").toString();
    assertEquals(
        0, hoist("diff", "--config", config, "--against", url, "--insecure"), err.toString());
    assertEquals("overlay dev: no change against " + url + "\n", out.toString());

    Files.writeString(
        dir.resolve("overlays/dev/cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {level: debug}\n");
    assertEquals(
        1, hoist("diff", "--config", config, "--against", url, "--insecure"), err.toString());
    assertTrue(
        out.toString().contains("    -  level: info\n    +  level: debug\n"), out.toString());
  }
}
