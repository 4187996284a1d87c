package dev.hoist.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hoist init} in a Maven project: what it writes lints clean, generates Flux objects that
 * validate against Flux's CRDs, workflows a real validator accepts, a snapshot release, and a
 * second run changes nothing; --force shows a diff first.
 */
class InitIT {
  @TempDir Path dir;

  private Processes.Result hoist(Path project, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("java", "-jar"));
    command.add(RealParts.repoRoot().resolve("hoist-cli/target/hoist.jar").toString());
    command.addAll(List.of(args));
    return Processes.run(project, command, 120);
  }

  private static void jar(Path jar) throws Exception {
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "com.acme.Shop");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out, manifest)) {
      zip.putNextEntry(new JarEntry("com/acme/Shop.class"));
      zip.write(new byte[] {1, 2, 3});
      zip.closeEntry();
    }
  }

  @Test
  void aMavenProjectGetsALintCleanValidatedSetUp() throws Exception {
    Path project = Files.createDirectories(dir.resolve("shop"));
    Files.writeString(
        project.resolve("pom.xml"),
        """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent><groupId>com.acme</groupId><artifactId>acme-parent</artifactId><version>7</version></parent>
          <artifactId>shop-api</artifactId>
          <version>1.0.0</version>
          <dependencies>
            <dependency><groupId>x</groupId><artifactId>y</artifactId><version>2</version></dependency>
          </dependencies>
        </project>
        """);
    jar(project.resolve("target/shop-api-1.0.0.jar"));
    Files.createDirectories(project.resolve("target/dependency"));
    Processes.run(project, List.of("git", "init", "-q", "-b", "main")).requireSuccess();
    Processes.run(
            project, List.of("git", "remote", "add", "origin", "https://github.com/Acme/shop.git"))
        .requireSuccess();
    Files.writeString(project.resolve(".gitignore"), "target/\n");

    Processes.Result init = hoist(project, "init");
    assertEquals(0, init.exitCode(), init.stderr());
    assertEquals("wrote 11 file(s), kept 0 existing\n", init.stdout());
    String yaml = Files.readString(project.resolve("hoist.yaml"));
    assertTrue(yaml.contains("registry: ghcr.io/acme\n"), yaml);
    assertTrue(yaml.contains("  - name: shop-api\n    jar: target/shop-api-1.0.0.jar"), yaml);

    Processes.Result lint = hoist(project, "lint");
    assertEquals(0, lint.exitCode(), lint.stdout() + lint.stderr());
    assertEquals("0 error(s), 0 warning(s)\n", lint.stdout());

    assertEquals(0, hoist(project, "flux", "generate").exitCode());
    Processes.Result valid =
        hoist(project, "validate", "--crds", RealParts.shared("flux-crds").toString(), "flux");
    assertEquals(0, valid.exitCode(), valid.stdout() + valid.stderr());

    Path validator = RealParts.tool("action-validator");
    for (String workflow : List.of("ci.yml", "release.yml")) {
      Processes.Result checked =
          Processes.run(
              project, List.of(validator.toString(), ".github/workflows/" + workflow), 60);
      assertEquals(0, checked.exitCode(), workflow + ": " + checked.stdout() + checked.stderr());
    }

    Processes.Result again = hoist(project, "init");
    assertEquals("wrote 0 file(s), kept 11 existing\n", again.stdout());

    Files.writeString(
        project.resolve("hoist.yaml"), yaml.replace("ports: [8080]", "ports: [9090]"));
    Processes.Result kept = hoist(project, "init");
    assertTrue(
        Files.readString(project.resolve("hoist.yaml")).contains("9090"), "never overwritten");
    assertEquals("wrote 0 file(s), kept 11 existing\n", kept.stdout());
    Processes.Result forced = hoist(project, "init", "--force");
    assertEquals(0, forced.exitCode(), forced.stderr());
    assertTrue(
        forced
            .stderr()
            .contains(
                "--- hoist.yaml (yours)\n+++ hoist.yaml (hoist init)\n-    ports: [9090]\n+    ports: [8080]"),
        forced.stderr());
    assertEquals(yaml, Files.readString(project.resolve("hoist.yaml")));

    // a snapshot release of the result, offline (the JRE base swapped for scratch: no network here)
    Files.writeString(
        project.resolve("hoist.yaml"),
        yaml.replace("base: eclipse-temurin:17-jre", "base: scratch"));
    Processes.run(project, List.of("git", "add", "-A")).requireSuccess();
    Processes.run(
            project,
            List.of(
                "git",
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "commit",
                "-q",
                "-m",
                "init"))
        .requireSuccess();
    Processes.Result release =
        hoist(
            project, "release", "--snapshot", "--oci-layout", dir.resolve("out").toString(), "-q");
    assertEquals(0, release.exitCode(), release.stderr());
  }

  @Test
  void aPythonAndNodeRepositoryGetsValidatedWorkflows() throws Exception {
    Path project = Files.createDirectories(dir.resolve("duo"));
    Files.createDirectories(project.resolve("api"));
    Files.writeString(project.resolve("api/requirements.txt"), "fastapi\n");
    Files.createDirectories(project.resolve("web"));
    Files.writeString(project.resolve("web/package.json"), "{\"name\": \"web\"}\n");
    Processes.Result init = hoist(project, "init", "--registry", "ghcr.io/acme");
    assertEquals(0, init.exitCode(), init.stderr());
    Processes.Result lint = hoist(project, "lint");
    assertEquals(0, lint.exitCode(), lint.stdout() + lint.stderr());
    Path validator = RealParts.tool("action-validator");
    for (String workflow : List.of("ci.yml", "release.yml")) {
      Processes.Result checked =
          Processes.run(
              project, List.of(validator.toString(), ".github/workflows/" + workflow), 60);
      assertEquals(0, checked.exitCode(), workflow + ": " + checked.stdout() + checked.stderr());
    }
  }
}
