package dev.hoist.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hoist.cli.Main;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden output of {@code hoist release} for a small project written here (kustomize-style), with a fixed
 * commit time, remote and jar: every digest is therefore fixed, on any machine, umask or time zone. Regenerate
 * with {@code -Dhoist.updateGolden=true} after a deliberate change (a new hoist version changes the image
 * history, and so the digests).
 */
class ReleaseGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/release");
  private static final Instant WHEN = Instant.parse("2026-05-04T03:02:01Z");

  @TempDir Path dir;

  private void writeProject() throws Exception {
    write("hoist.yaml", """
        project: shop
        registry: ghcr.io/acme
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
    write(".gitignore", "target/\n");
    write("base/kustomization.yaml", "resources:\n  - deployment.yaml\n");
    write("base/deployment.yaml", """
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
    write("overlays/prod/kustomization.yaml", """
        resources:
          - ../../base
        images:
          - name: api  # pinned by hoist
            newTag: latest
        """);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.remoteAdd().setName("origin").setUri(new URIish("https://github.com/acme/shop.git")).call();
      git.add().addFilepattern(".").call();
      PersonIdent who = new PersonIdent("ci", "ci@acme.example", WHEN, ZoneOffset.ofHours(-7));
      git.commit().setMessage("shop").setAuthor(who).setCommitter(who).setSign(false).call();
      git.tag().setName("v1.2.3").setAnnotated(false).call();
    }
    writeJar(dir.resolve("target/api.jar"));
  }

  private void write(String path, String content) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  /** A jar whose bytes depend on nothing but this code. */
  static void writeJar(Path jar) throws Exception {
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
      JarEntry entry = new JarEntry("com/acme/Api.class");
      entry.setTimeLocal(java.time.LocalDateTime.of(2026, 5, 4, 3, 2, 1)); // DOS time: no time zone
      zip.putNextEntry(entry);
      zip.write("not really a class".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }

  private String hoist(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = args[0];
    all[1] = "--config=" + dir.resolve("hoist.yaml");
    System.arraycopy(args, 1, all, 2, args.length - 1);
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all);
    assertEquals(0, code, err.toString());
    return out.toString();
  }

  private static void assertGolden(String name, String actual) throws Exception {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("hoist.updateGolden")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
    }
    assertEquals(Files.readString(file), actual, "golden " + file + " (regenerate: -Dhoist.updateGolden=true)");
  }

  @Test
  void dryRunPlanIsByteStableAndWritesNothing() throws Exception {
    writeProject();
    assertGolden("dry-run.json", hoist("release", "--dry-run", "-o", "json"));
    assertGolden("dry-run.txt", hoist("release", "--dry-run", "-q"));
    assertFalse(Files.exists(dir.resolve("flux")));
    assertFalse(Files.exists(dir.resolve("manifests")));
    assertFalse(Files.exists(dir.resolve("target/hoist/oci")));
  }

  @Test
  void aRealRunPublishesWhatTheDryRunPlanned() throws Exception {
    writeProject();
    String plan = hoist("release", "--dry-run", "-o", "json");
    String real = hoist("release", "-q", "-o", "json", "--oci-layout", dir.resolve("target/out").toString());
    assertEquals(plan, real);
    assertGolden("flux-production-shop.yaml", Files.readString(dir.resolve("flux/clusters/production/shop.yaml")));
    assertGolden("manifests-prod-kustomization.yaml",
        Files.readString(dir.resolve("manifests/overlays/prod/kustomization.yaml")));
  }
}
