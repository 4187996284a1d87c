package dev.hoist.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.OciLayout;
import dev.hoist.oci.RegistryRepository;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-platform indexes against the registry and in an OCI layout, the single-arch error, offline
 * mode, OCI tarball output, and the reproducibility rule across a clone made under another umask
 * and time zone.
 */
@Tag("integration")
@Timeout(300)
class ImagesPlatformIT {
  @TempDir static Path shared;
  @TempDir Path dir;

  static final String SOURCE = "https://git.example/demo.git";
  static String registry;
  static String singleArch;
  static String multiArch;

  @BeforeAll
  static void pushBases() throws Exception {
    registry = RealParts.registry();
    LayerTar.Layer layer = TestBases.busyboxLayer(shared);
    RegistryRepository single = TestBases.repository("hoist-test/busybox-single");
    Descriptor manifest =
        TestBases.push(single, List.of(layer), "amd64", "linux/amd64", List.of("1"));
    singleArch = single.name() + "@" + manifest.digest();
    RegistryRepository multi = TestBases.repository("hoist-test/busybox-multi");
    Digest index = TestBases.pushMultiArch(multi, layer, "1");
    multiArch = multi.name() + "@" + index;
  }

  @Test
  void multiArchBaseGivesAnIndexInTheRegistryAndTheLayoutAndItRuns() throws Exception {
    TestProject project = ImagesRunIT.filesProject(dir.resolve("p"), multiArch);
    JsonNode image =
        ImagesRunIT.json(
                project.hoist(
                    "image",
                    "build",
                    "--registry",
                    registry + "/hoist-mp",
                    "--insecure",
                    "--platform",
                    "linux/amd64,linux/arm64",
                    "-q",
                    "-o",
                    "json"))
            .path("images")
            .get(0);
    assertEquals("[\"linux/amd64\",\"linux/arm64\"]", image.path("platforms").toString());

    String raw =
        Processes.run(
                null,
                List.of(
                    RealParts.tool("skopeo").toString(),
                    "inspect",
                    "--raw",
                    "--tls-verify=false",
                    "docker://" + image.path("ref").asText()),
                60)
            .requireSuccess()
            .stdout();
    JsonNode index = TestBases.JSON.readTree(raw);
    assertEquals("application/vnd.oci.image.index.v1+json", index.path("mediaType").asText());
    assertEquals(2, index.path("manifests").size());
    assertEquals(
        "arm64", index.path("manifests").get(1).path("platform").path("architecture").asText());
    assertEquals(
        image.path("digest").asText(),
        Digest.sha256(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());

    Processes.Result run = Runc.run(image.path("ref").asText(), dir.resolve("run"));
    assertEquals(7, run.exitCode(), run.stderr());
    assertTrue(run.stdout().contains("greeting=hello"), run.stdout());

    Path layouts = dir.resolve("layouts");
    JsonNode local =
        ImagesRunIT.json(
                project.hoist(
                    "image",
                    "build",
                    "--oci-layout",
                    layouts.toString(),
                    "--insecure",
                    "--platform",
                    "linux/amd64,linux/arm64",
                    "-q",
                    "-o",
                    "json"))
            .path("images")
            .get(0);
    assertEquals(image.path("digest"), local.path("digest"));
    OciLayout layout = OciLayout.at(layouts.resolve("svc"));
    assertEquals(image.path("digest").asText(), layout.resolve("1.2.0").orElseThrow().toString());
    assertEquals(
        "application/vnd.oci.image.index.v1+json", layout.fetchManifest("1.2.0").mediaType());
  }

  @Test
  void baseFromAnAuthRegistryGetsTheSharedCredentials() throws Exception {
    String auth = RealParts.authRegistry();
    String creds =
        System.getenv("HOIST_TEST_AUTH_USER") + ":" + System.getenv("HOIST_TEST_AUTH_PASSWORD");
    RegistryRepository repo =
        dev.hoist.oci.RegistryClient.builder()
            .insecure(true)
            .insecureRegistry(auth)
            .credentials(dev.hoist.oci.Credentials.explicit(creds))
            .build()
            .repository(auth + "/hoist-test/busybox");
    Descriptor base =
        TestBases.push(
            repo, List.of(TestBases.busyboxLayer(dir)), "amd64", "linux/amd64", List.of("1"));
    TestProject project =
        ImagesRunIT.filesProject(dir.resolve("p"), repo.name() + "@" + base.digest());
    Path layouts = dir.resolve("layouts");
    JsonNode image =
        ImagesRunIT.json(
                project.hoist(
                    "image",
                    "build",
                    "--oci-layout",
                    layouts.toString(),
                    "--insecure",
                    "--creds",
                    creds,
                    "-q",
                    "-o",
                    "json"))
            .path("images")
            .get(0);
    assertEquals("[\"linux/amd64\"]", image.path("platforms").toString());
    assertEquals(
        2, layerCount(OciLayout.at(layouts.resolve("svc")), image.path("digest").asText()));
  }

  private static int layerCount(OciLayout layout, String digest) throws Exception {
    return TestBases.JSON.readTree(layout.fetchManifest(digest).content()).path("layers").size();
  }

  @Test
  void singleArchBaseWithTwoPlatformsFailsClearly() throws Exception {
    TestProject project = ImagesRunIT.filesProject(dir.resolve("p"), singleArch);
    Processes.Result result =
        project.hoist(
            "image",
            "build",
            "--registry",
            registry + "/hoist-mp",
            "--insecure",
            "--platform",
            "linux/amd64,linux/arm64",
            "-q");
    assertEquals(1, result.exitCode(), result.stderr());
    assertEquals(
        "hoist: error: building image svc failed: the configured platform (arm64/linux) doesn't match "
            + "the platform (amd64/linux) of the base image ("
            + singleArch
            + ")",
        result.stderr().strip());
  }

  @Test
  void offlineUsesOnlyTheLocalCacheAndSaysWhatIsMissing() throws Exception {
    String cache = System.getProperty("hoist.cacheDir");
    System.setProperty("hoist.cacheDir", dir.resolve("cache").toString()); // an empty cache
    try {
      offline();
    } finally {
      if (cache == null) {
        System.clearProperty("hoist.cacheDir");
      } else {
        System.setProperty("hoist.cacheDir", cache);
      }
    }
  }

  private void offline() throws Exception {
    TestProject project = ImagesRunIT.filesProject(dir.resolve("p"), singleArch);
    Path layouts = dir.resolve("layouts");
    Processes.Result missing =
        project.hoist("image", "build", "--oci-layout", layouts.toString(), "--offline", "-q");
    assertEquals(1, missing.exitCode(), missing.stderr());
    assertTrue(
        missing.stderr().contains("offline")
            && missing.stderr().contains("hoist-test/busybox-single"),
        missing.stderr());

    JsonNode online =
        ImagesRunIT.json(
                project.hoist(
                    "image",
                    "build",
                    "--oci-layout",
                    layouts.toString(),
                    "--insecure",
                    "-q",
                    "-o",
                    "json"))
            .path("images")
            .get(0);
    assertEquals(true, online.path("pushed").asBoolean());
    JsonNode offline =
        ImagesRunIT.json(
                project.hoist(
                    "image",
                    "build",
                    "--oci-layout",
                    layouts.toString(),
                    "--offline",
                    "-q",
                    "-o",
                    "json"))
            .path("images")
            .get(0);
    assertEquals(online.path("digest"), offline.path("digest"));
    assertEquals(false, offline.path("pushed").asBoolean());

    Processes.Result push =
        project.hoist("image", "build", "--registry", registry + "/x", "--offline", "-q");
    assertEquals(
        "hoist: error: --offline cannot push to " + registry + "/x; use --oci-layout or --tar",
        push.stderr().strip());
  }

  @Test
  void releaseInsecureReachesAPlainHttpBaseWhateverTheDestination() throws Exception {
    TestProject project =
        TestProject.create(
            dir.resolve("p"),
            ImagesRunIT.filesYaml(singleArch).replace("overlays: [dev]", ""),
            Map.of("srv/run.sh*", "#!/bin/sh\n", "srv/data.txt", "data\n"),
            "v1.2.0");
    // an empty layer cache: the base must come from the plain-HTTP registry
    String cache = System.getProperty("hoist.cacheDir");
    System.setProperty("hoist.cacheDir", dir.resolve("cache").toString());
    try {
      Processes.Result dryRun = project.hoist("release", "--dry-run", "--insecure", "-q");
      assertEquals(0, dryRun.exitCode(), dryRun.stderr());
      assertFalse(Files.exists(project.dir.resolve("target/hoist")), "a dry run writes nothing");
      System.setProperty("hoist.cacheDir", dir.resolve("cache2").toString());
      Processes.Result layout =
          project.hoist(
              "release", "--oci-layout", dir.resolve("out").toString(), "--insecure", "-q");
      assertEquals(0, layout.exitCode(), layout.stderr());
    } finally {
      if (cache == null) {
        System.clearProperty("hoist.cacheDir");
      } else {
        System.setProperty("hoist.cacheDir", cache);
      }
    }
  }

  @Test
  void sameCommitSameDigestUnderAnotherUmaskAndTimeZoneAndAsATarball() throws Exception {
    TestProject project = ImagesRunIT.filesProject(dir.resolve("p"), singleArch);
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(project.dir.toFile())) {
      git.remoteAdd()
          .setName("origin")
          .setUri(new org.eclipse.jgit.transport.URIish(SOURCE))
          .call();
    }
    Processes.Result build =
        project.hoist(
            "image",
            "build",
            "--oci-layout",
            dir.resolve("a").toString(),
            "--insecure",
            "-o",
            "json");
    // --insecure asked for plain HTTP to the base's registry: Jib's HTTPS-then-HTTP retries are not
    // shown
    assertTrue(!build.stderr().contains("Attempting again"), build.stderr());
    JsonNode here = ImagesRunIT.json(build).path("images").get(0);

    Path jar = RealParts.repoRoot().resolve("hoist-cli/target/hoist.jar");
    Path clone = dir.resolve("clone");
    String script =
        "umask 077 && git clone -q "
            + project.dir
            + " "
            + clone
            + " && cd "
            + clone
            + " && git remote set-url origin "
            + SOURCE
            + " && TZ=Pacific/Chatham java -jar "
            + jar
            + " image build --tar "
            + dir.resolve("svc.tar")
            + " --insecure -q -o json";
    Processes.Result there = Processes.run(null, List.of("sh", "-c", script), 180);
    assertEquals(0, there.exitCode(), there.stderr());
    assertEquals(
        "-rwx------",
        java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(clone.resolve("srv/run.sh")))
            .replaceFirst("^", "-"));
    JsonNode tar = TestBases.JSON.readTree(there.stdout()).path("images").get(0);
    assertEquals(here.path("digest"), tar.path("digest"));
    assertEquals(dir.resolve("svc.tar").toString(), tar.path("ref").asText());

    String inspect =
        Processes.run(
                null,
                List.of(
                    RealParts.tool("skopeo").toString(),
                    "inspect",
                    "--raw",
                    "oci-archive:" + dir.resolve("svc.tar")),
                60)
            .requireSuccess()
            .stdout();
    assertEquals(
        here.path("digest").asText(),
        Digest.sha256(inspect.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());

    // the tarball names the image as the registry would: REGISTRY/APP:VERSION (what docker load
    // shows)
    String registry =
        Files.readString(project.dir.resolve("hoist.yaml"))
            .lines()
            .filter(l -> l.startsWith("registry:"))
            .findFirst()
            .orElseThrow()
            .substring("registry:".length())
            .strip();
    String name =
        registry + "/" + here.path("name").asText() + ":" + tar.path("tags").get(0).asText();
    String manifest =
        Processes.run(
                null, List.of("tar", "-xOf", dir.resolve("svc.tar").toString(), "index.json"), 60)
            .requireSuccess()
            .stdout();
    assertTrue(
        manifest.contains("\"org.opencontainers.image.ref.name\":\"" + name + "\""), manifest);
  }
}
