package dev.hoist.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoist.config.ConfigLoader;
import dev.hoist.config.ProjectConfig;
import dev.hoist.oci.Digest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overlay a preview applies: pinned to the preview registry by digest, labelled, rendered. */
class PreviewOverlayTest {
  @TempDir Path dir;

  private void write(String path, String content) throws Exception {
    Path file = dir.resolve("repo").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void pinnedLabelledAndListedForTheInventory() throws Exception {
    write(
        "hoist.yaml",
        """
        project: shop
        registry: ghcr.io/acme
        apps:
          - {name: api, jar: target/api.jar, mainClass: a.B}
        overlays: [dev]
        """);
    write("target/api.jar", "jar");
    write("base/kustomization.yaml", "resources: [deployment.yaml, service.yaml]\n");
    write(
        "base/deployment.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, labels: {app: api}}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers: [{name: api, image: api}]
        """);
    write(
        "base/service.yaml",
        """
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec: {selector: {app: api}, ports: [{port: 8080}]}
        """);
    write("overlays/dev/kustomization.yaml", "namespace: dev\nresources: [../../base]\n");
    ProjectConfig config = ConfigLoader.load(dir.resolve("repo/hoist.yaml"));
    Digest digest = Digest.sha256("image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    PreviewOverlay rendered =
        PreviewOverlay.render(
            config,
            config.overlays().get(0),
            "localhost:5001/shop",
            Map.of("api", digest),
            Files.createDirectories(dir.resolve("work")));
    assertEquals(
        """
        apiVersion: v1
        kind: Service
        metadata:
          labels:
            app.kubernetes.io/managed-by: hoist-preview
          name: api
          namespace: dev
        spec:
          ports:
          - port: 8080
          selector:
            app: api
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          labels:
            app: api
            app.kubernetes.io/managed-by: hoist-preview
          name: api
          namespace: dev
        spec:
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
              - image: localhost:5001/shop/api@%s
                name: api
        """
            .formatted(digest),
        rendered.yaml());
    assertEquals(
        List.of(
            new Inventory.Entry("v1", "Service", "dev", "api"),
            new Inventory.Entry("apps/v1", "Deployment", "dev", "api")),
        rendered.objects());
    // the repository is only read
    assertEquals(
        "namespace: dev\nresources: [../../base]\n",
        Files.readString(dir.resolve("repo/overlays/dev/kustomization.yaml")));
  }
}
