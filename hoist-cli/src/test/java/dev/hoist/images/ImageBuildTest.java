package dev.hoist.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.oci.OciLayout;
import dev.hoist.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hoist image build} without a registry: OCI layouts on a scratch base, the JSON, errors and
 * codes.
 */
class ImageBuildTest {
  @TempDir Path dir;

  static final String YAML =
      """
      project: demo
      registry: ghcr.io/hoist-dev
      apps:
        - name: web
          kind: files
          layers:
            - from: site
              to: /srv/site
          entrypoint: [/bin/server]
          user: "101"
        - name: worker
          kind: files
          layers:
            - from: [worker.sh]
              to: /usr/local/bin
          entrypoint: [/usr/local/bin/worker.sh]
          user: "0"
      overlays: [dev]
      """;

  private TestProject project(String tag) throws Exception {
    return TestProject.create(
        dir.resolve("p"),
        YAML,
        Map.of("site/index.html", "<p>hi</p>\n", "worker.sh*", "#!/bin/sh\necho work\n"),
        tag);
  }

  private static JsonNode json(Processes.Result result) throws Exception {
    assertEquals(0, result.exitCode(), result.stderr());
    return TestBases.JSON.readTree(result.stdout());
  }

  @Test
  void buildsEveryAppIntoLayoutsAndReportsUnchangedRebuilds() throws Exception {
    TestProject project = project("v0.3.0-rc.1");
    Path layouts = dir.resolve("out");
    Path sboms = dir.resolve("sboms");
    Processes.Result first =
        project.hoist(
            "image",
            "build",
            "--oci-layout",
            layouts.toString(),
            "--sbom-output",
            sboms.toString(),
            "-o",
            "json");
    JsonNode images = json(first).path("images");
    assertEquals(2, images.size());
    JsonNode web = images.get(0);
    assertEquals(
        "[\"name\",\"ref\",\"digest\",\"tags\",\"platforms\",\"pushed\",\"sbom\"]",
        TestBases.JSON.valueToTree(iterable(web.fieldNames())).toString());
    // the image's CycloneDX SBOM is attached to it, as hoist sbom reads it back
    byte[] sbom =
        dev.hoist.sbom.Sboms.read(
                OciLayout.at(layouts.resolve("web")),
                dev.hoist.oci.Digest.parse(web.path("digest").asText()))
            .orElseThrow();
    assertEquals("CycloneDX", TestBases.JSON.readTree(sbom).path("bomFormat").asText());
    // and written to --sbom-output, the same bytes
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        sbom, java.nio.file.Files.readAllBytes(sboms.resolve("web.cdx.json")));
    assertEquals("web", web.path("name").asText());
    assertEquals("[\"0.3.0-rc.1\"]", web.path("tags").toString());
    assertEquals(
        layouts.resolve("web").toAbsolutePath() + "@" + web.path("digest").asText(),
        web.path("ref").asText().replaceFirst("^layout:", ""));
    assertEquals(true, web.path("pushed").asBoolean());
    assertEquals(
        web.path("digest").asText(),
        OciLayout.at(layouts.resolve("web")).resolve("0.3.0-rc.1").orElseThrow().toString());
    assertTrue(
        first.stderr().contains("warning: image worker runs as root (user: 0)"), first.stderr());

    JsonNode again =
        json(project.hoist(
                "image", "build", "worker", "--oci-layout", layouts.toString(), "-q", "-o", "json"))
            .path("images");
    assertEquals(1, again.size());
    assertEquals(images.get(1).path("digest"), again.get(0).path("digest"));
    assertEquals(false, again.get(0).path("pushed").asBoolean());
  }

  @Test
  void latestOnlyMovesForwardAndAVersionTagNeverMoves() throws Exception {
    TestProject project = project("v1.1.0");
    Path layouts = dir.resolve("out");
    JsonNode v110 =
        json(project.hoist(
                "image", "build", "web", "--oci-layout", layouts.toString(), "-o", "json"))
            .path("images")
            .get(0);
    assertEquals("[\"1.1.0\",\"latest\"]", v110.path("tags").toString());

    // a backport released after 1.1.0 leaves latest where it is, and says why
    Files.writeString(project.dir.resolve("site/index.html"), "<p>backport</p>\n");
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(project.dir.toFile())) {
      git.commit().setAll(true).setMessage("backport").setSign(false).call();
      git.tag().setName("v0.9.0").setAnnotated(false).call();
    }
    Processes.Result backport =
        project.hoist("image", "build", "web", "--oci-layout", layouts.toString(), "-o", "json");
    JsonNode v090 = json(backport).path("images").get(0);
    assertEquals("[\"0.9.0\"]", v090.path("tags").toString());
    assertTrue(backport.stderr().contains("image web: latest not moved: "), backport.stderr());
    OciLayout web = OciLayout.at(layouts.resolve("web"));
    assertEquals(v110.path("digest").asText(), web.resolve("latest").orElseThrow().toString());

    // the same version tag on other content is refused, and nothing moves
    Files.writeString(project.dir.resolve("site/index.html"), "<p>other</p>\n");
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(project.dir.toFile())) {
      git.commit().setAll(true).setMessage("other").setSign(false).call();
      git.tag().setName("v1.1.0").setAnnotated(false).setForceUpdate(true).call();
    }
    Processes.Result moved =
        project.hoist("image", "build", "web", "--oci-layout", layouts.toString(), "-q");
    assertEquals(1, moved.exitCode(), moved.stderr());
    assertTrue(moved.stderr().contains("version tags are immutable"), moved.stderr());
    assertEquals(v110.path("digest").asText(), web.resolve("1.1.0").orElseThrow().toString());
  }

  @Test
  void signKeySignsEveryImageByDigest() throws Exception {
    TestProject project = project("v2.0.0");
    Path layouts = dir.resolve("out");
    Path prefix = dir.resolve("keys/cosign");
    java.util.List<Path> keys = dev.hoist.sign.KeyPairs.generate(prefix);
    JsonNode web =
        json(project.hoist(
                "image",
                "build",
                "web",
                "--oci-layout",
                layouts.toString(),
                "--sign-key",
                keys.get(0).toString(),
                "-o",
                "json"))
            .path("images")
            .get(0);
    OciLayout layout = OciLayout.at(layouts.resolve("web"));
    dev.hoist.oci.Digest digest = dev.hoist.oci.Digest.parse(web.path("digest").asText());
    assertEquals(
        java.util.Optional.empty(),
        dev.hoist.sign.Signer.verify(
            layout, digest, dev.hoist.sign.SigningKey.publicKey(keys.get(1))));
    // its SBOM is signed too
    assertEquals(
        java.util.Optional.empty(),
        dev.hoist.sign.Signer.verify(
            layout,
            dev.hoist.oci.Digest.parse(web.path("sbom").asText()),
            dev.hoist.sign.SigningKey.publicKey(keys.get(1))));
    Processes.Result tar =
        project.hoist(
            "image",
            "build",
            "web",
            "--tar",
            dir.resolve("w.tar").toString(),
            "--sign-key",
            keys.get(0).toString());
    assertEquals(2, tar.exitCode(), tar.stderr());
    assertTrue(tar.stderr().contains("--sign-key signs what is pushed"), tar.stderr());
  }

  @Test
  void untaggedHeadIsASnapshot() throws Exception {
    TestProject project = project(null);
    JsonNode web =
        json(project.hoist("image", "build", "web", "-q", "-o", "json")).path("images").get(0);
    assertTrue(web.path("tags").get(0).asText().matches("0\\.0\\.0-[0-9a-f]{12}"), web.toString());
    assertTrue(Files.isDirectory(project.dir.resolve("target/hoist/oci/web")));
  }

  @Test
  void errorsAreOneLineWithTheirExitCodes() throws Exception {
    TestProject project = project("v1.0.0");
    Processes.Result unknown = project.hoist("image", "build", "nope", "-q");
    assertEquals(3, unknown.exitCode());
    assertEquals(
        "hoist: error: hoist.yaml: apps: no app named 'nope' (apps: web, worker)",
        unknown.stderr().strip());

    Processes.Result bare = project.hoist("image", "build", "--registry", "127.0.0.1:5000", "-q");
    assertEquals(2, bare.exitCode());
    assertEquals(
        "hoist: error: --registry 127.0.0.1:5000: expected HOST[:PORT]/NAMESPACE",
        bare.stderr().strip());

    Processes.Result twoTars =
        project.hoist("image", "build", "--tar", dir.resolve("x.tar").toString(), "-q");
    assertEquals(1, twoTars.exitCode());
    assertEquals(
        "hoist: error: --tar writes one image; name one app (hoist.yaml has 2 selected)",
        twoTars.stderr().strip());

    Files.delete(project.dir.resolve("site/index.html"));
    Files.delete(project.dir.resolve("site"));
    Processes.Result missing = project.hoist("image", "build", "web", "-q");
    assertEquals(3, missing.exitCode());
    assertEquals(
        "hoist: error: hoist.yaml:6: apps[0].layers[0].from: not found: site",
        missing.stderr().strip());

    Path plain = Files.createDirectories(dir.resolve("plain"));
    Files.writeString(plain.resolve("hoist.yaml"), YAML);
    Files.createDirectories(plain.resolve("site"));
    Files.writeString(plain.resolve("worker.sh"), "");
    Processes.Result noGit = new TestProject(plain).hoist("image", "build", "-q");
    assertEquals(4, noGit.exitCode(), noGit.stderr());
    assertTrue(
        noGit.stderr().startsWith("hoist: error: " + plain + ": not inside a git checkout"),
        noGit.stderr());
  }

  private static <T> java.util.List<T> iterable(java.util.Iterator<T> it) {
    java.util.List<T> list = new java.util.ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }
}
