package dev.hoist.release;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.eclipse.jgit.api.Git;

/** A one-app project with one overlay, committed and tagged v1.2.3 (what a release needs). */
final class TinyProject {
  private TinyProject() {}

  /** Writes the project into {@code dir}; {@code extra}, when not empty, joins the overlay. */
  static void write(Path dir, String extra) throws Exception {
    write(
        dir,
        "hoist.yaml",
        """
        project: shop
        registry: registry.test/acme
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
        """);
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
    String resources = "resources:\n  - ../../base\n";
    if (!extra.isEmpty()) {
      write(dir, "overlays/prod/extra.yaml", extra);
      resources += "  - extra.yaml\n";
    }
    write(dir, "overlays/prod/kustomization.yaml", resources);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("shop").setSign(false).call();
      git.tag().setName("v1.2.3").setAnnotated(false).call();
    }
    Files.createDirectories(dir.resolve("target"));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream out = Files.newOutputStream(dir.resolve("target/api.jar"));
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.putNextEntry(new JarEntry("com/acme/Api.class"));
      jar.write("not really a class".getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
  }

  private static void write(Path dir, String path, String content) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
