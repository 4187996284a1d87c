package dev.hoist.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.release.Registries;
import dev.hoist.release.ReleaseParts;
import dev.hoist.testing.FakeImageBuilder;
import dev.hoist.testing.InMemoryRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade over a project without hoist.yaml (the Maven plugin's jib-like mode). */
class HoistProjectTest {
  @TempDir Path dir;

  private static final ProjectDescription.App APP =
      new ProjectDescription.App(
          "svc",
          Path.of("target/svc.jar"),
          List.of(),
          null,
          "scratch",
          List.of("-Xss512k"),
          List.of(8080),
          Map.of("PORT", "8080"),
          "65532");

  private void checkout(boolean overlays) throws Exception {
    Files.writeString(dir.resolve(".gitignore"), "target/\n");
    if (overlays) {
      Files.createDirectories(dir.resolve("base"));
      Files.writeString(dir.resolve("base/kustomization.yaml"), "resources: [deployment.yaml]\n");
      Files.writeString(
          dir.resolve("base/deployment.yaml"),
          "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: svc}\n"
              + "spec: {template: {spec: {containers: [{name: svc, image: svc}]}}}\n");
      Files.createDirectories(dir.resolve("overlays/dev"));
      Files.writeString(
          dir.resolve("overlays/dev/kustomization.yaml"),
          "resources: [../../base]\nimages: [{name: svc, newTag: latest}]\n");
      Files.createDirectories(dir.resolve("overlays/notes"));
    }
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("service").setSign(false).call();
    }
    Files.createDirectories(dir.resolve("target"));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.example.Svc");
    try (JarOutputStream jar =
        new JarOutputStream(Files.newOutputStream(dir.resolve("target/svc.jar")), manifest)) {
      jar.putNextEntry(new JarEntry("dev/example/Svc.class"));
      jar.write(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe});
    }
  }

  private HoistProject described(List<String> progress) {
    return Hoist.project(dir)
        .progress(progress::add)
        .describe(
            Path.of("target/hoist/hoist.yaml"),
            new ProjectDescription("svc", "registry.example.com/team", APP));
  }

  @Test
  void aDescribedProjectIsAnOrdinaryHoistYamlNamingItsRoot() throws Exception {
    checkout(true);
    HoistProject project = described(new ArrayList<>());
    assertEquals(dir.resolve("target/hoist/hoist.yaml"), project.configFile());
    assertTrue(project.hasConfig());
    assertFalse(Hoist.project(dir).hasConfig());
    assertEquals(
        "# written by hoist from the build (no hoist.yaml in "
            + dir.toAbsolutePath().normalize()
            + "); do not edit\n"
            + """
            apps:
            - base: scratch
              env:
                PORT: "8080"
              jar: target/svc.jar
              jvmFlags:
              - -Xss512k
              name: svc
              ports:
              - 8080
              user: "65532"
            overlays:
            - dev
            project: svc
            registry: registry.example.com/team
            root: ../..
            """,
        Files.readString(project.configFile()));
  }

  @Test
  void aProjectWithoutOverlaysReleasesItsImageOnly() throws Exception {
    checkout(false);
    List<String> progress = new ArrayList<>();
    ReleaseResult r =
        described(progress)
            .release(ReleaseOptions.defaults().snapshot(true).ociLayout(Path.of("out")));
    assertTrue(r.version().startsWith("0.0.0-"), r.version());
    assertEquals(1, r.images().size());
    assertEquals("svc", r.images().get(0).name());
    assertTrue(r.images().get(0).ref().startsWith("registry.example.com/team/svc@sha256:"));
    assertEquals(List.of(), r.artifacts());
    assertEquals(List.of(), r.flux());
    assertTrue(Files.isDirectory(dir.resolve("out/svc")));
    assertTrue(
        progress.stream().anyMatch(l -> l.startsWith("version 0.0.0-")), progress.toString());
  }

  @Test
  void overlaysFoundBesideTheBuildAreReleasedWithTheImage() throws Exception {
    checkout(true);
    ReleaseResult r =
        described(new ArrayList<>())
            .release(ReleaseOptions.defaults().snapshot(true).ociLayout(Path.of("out")));
    assertEquals(1, r.artifacts().size());
    assertEquals("oci://registry.example.com/team/manifests/svc", r.artifacts().get(0).url());
  }

  @Test
  void theFacadeReleasesWithItsPartsAndItsOptionsReachThem() throws Exception {
    checkout(true);
    List<Registries.Access> opened = new ArrayList<>();
    Map<String, InMemoryRepository> registry = new HashMap<>();
    ReleaseParts parts =
        ReleaseParts.real()
            .withBuilders((progress, credentials) -> new FakeImageBuilder())
            .withRegistries(
                access -> {
                  opened.add(access);
                  return name -> registry.computeIfAbsent(name, InMemoryRepository::new);
                });
    ReleaseResult r =
        described(new ArrayList<>())
            .parts(parts)
            .release(
                ReleaseOptions.defaults()
                    .snapshot(true)
                    .registry("registry.test:5000/team")
                    .insecure(true));
    // --insecure: plain HTTP to the destination's registry, as the CLI's flag gives
    assertEquals(1, opened.size());
    assertTrue(opened.get(0).insecure());
    assertEquals(Set.of("registry.test:5000"), opened.get(0).plainHttp());
    String image = r.images().get(0).ref();
    assertTrue(image.startsWith("registry.test:5000/team/svc@sha256:"), image);
    assertEquals(
        r.images().get(0).digest(),
        registry.get("registry.test:5000/team/svc").resolve(r.version()).orElseThrow().toString());
    assertEquals("oci://registry.test:5000/team/manifests/svc", r.artifacts().get(0).url());
    assertEquals(
        r.artifacts().get(0).digest(),
        registry
            .get("registry.test:5000/team/manifests/svc")
            .resolve(r.version())
            .orElseThrow()
            .toString());
  }

  @Test
  void refusalsCarryTheCliExitCodesAndMessages() throws Exception {
    checkout(false);
    HoistProject project = described(new ArrayList<>());
    HoistFailure untagged =
        assertThrows(HoistFailure.class, () -> project.release(ReleaseOptions.defaults()));
    assertEquals(HoistFailure.UNTAGGED, untagged.exitCode());
    Files.delete(dir.resolve("target/svc.jar"));
    HoistFailure missing =
        assertThrows(
            HoistFailure.class, () -> project.release(ReleaseOptions.defaults().snapshot(true)));
    assertEquals(HoistFailure.CONFIG, missing.exitCode());
    assertEquals(
        "hoist.yaml:6: apps[0].jar: file not found: target/svc.jar (build it first: mvn package)",
        missing.getMessage());
    HoistFailure usage =
        assertThrows(
            HoistFailure.class,
            () -> project.validate(ValidateOptions.defaults().paths(List.of(Path.of("nope")))));
    assertEquals(HoistFailure.USAGE, usage.exitCode());
  }
}
