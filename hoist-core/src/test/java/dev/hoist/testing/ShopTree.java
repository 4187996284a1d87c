package dev.hoist.testing;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The small shop project the release tests start from (written by the test, kustomize-style):
 * hoist.yaml (one app {@code api}, overlay {@code prod}, cluster {@code production}), base/ with
 * its Deployment, and {@code target/api.jar}. Each test adds its overlay and commits it.
 */
public final class ShopTree {
  private ShopTree() {}

  /** Writes hoist.yaml (pushing to {@code registry}), .gitignore, base/ and the app's jar. */
  public static void write(Path dir, String registry) throws Exception {
    write(
        dir,
        "hoist.yaml",
        """
        project: shop
        registry: %s
        apps:
          - name: api
            image: api
            jar: target/api.jar
            mainClass: com.acme.Api
            ports: [8080]
        overlays: [prod]
        clusters:
          - name: production
            overlay: prod
            ref: {semver: ">=1.0.0"}
        """
            .formatted(registry));
    write(dir, ".gitignore", "target/\n");
    write(dir, "base/kustomization.yaml", "resources:\n  - deployment.yaml\n");
    write(
        dir,
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
        """);
    writeJar(dir.resolve("target/api.jar"));
  }

  /** Writes {@code content} to {@code dir/path}, making its directories. */
  public static void write(Path dir, String path, String content) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  /**
   * A jar (no manifest: hoist.yaml names the main class) whose bytes depend on nothing but this
   * code.
   */
  public static void writeJar(Path jar) throws Exception {
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out)) {
      JarEntry entry = new JarEntry("com/acme/Api.class");
      entry.setTimeLocal(LocalDateTime.of(2026, 5, 4, 3, 2, 1)); // DOS time: no time zone
      zip.putNextEntry(entry);
      zip.write("not really a class".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }
}
