package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.testing.InMemoryRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine of the artifact commands, against an in-memory repository. */
class ArtifactsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
  @TempDir Path dir;
  private final InMemoryRepository repo = new InMemoryRepository("fake/repo");
  private final List<String> progress = new ArrayList<>();
  private final Artifacts artifacts =
      new Artifacts(
          ref -> repo,
          progress::add,
          Clock.fixed(NOW, ZoneOffset.UTC),
          ArtifactExtractor.Limits.DEFAULT);

  private Path tree() throws IOException {
    Path tree = Files.createDirectories(dir.resolve("tree/apps"));
    Files.writeString(tree.resolve("app.yaml"), "kind: ConfigMap\n");
    Files.writeString(dir.resolve("tree/kustomization.yaml"), "resources: [apps/app.yaml]\n");
    return dir.resolve("tree");
  }

  private PushRequest request(Path path, String source, String revision, boolean reproducible) {
    return new PushRequest(
        "oci://registry.example/team/manifests:1.0.0",
        path,
        source,
        revision,
        Map.of("team", "blue"),
        reproducible,
        null,
        false,
        List.of());
  }

  private JsonNode annotations(String tag) throws IOException {
    return JSON.readTree(repo.fetchManifest(tag).content()).path("annotations");
  }

  @Test
  void pushWithExplicitSourceRevisionReproducibleAndAnnotations() throws IOException {
    PushResult r =
        artifacts.push(request(tree(), "https://git.example/a.git", "v1@sha1:abc", true));
    assertEquals("oci://registry.example/team/manifests:1.0.0", r.url());
    assertEquals("registry.example/team/manifests", r.repository());
    assertEquals("1.0.0", r.tag());
    assertEquals(repo.tags.get("1.0.0").toString(), r.digest());
    JsonNode a = annotations("1.0.0");
    assertEquals("1970-01-01T00:00:00Z", a.path("org.opencontainers.image.created").asText());
    assertEquals("https://git.example/a.git", a.path("org.opencontainers.image.source").asText());
    assertEquals("v1@sha1:abc", a.path("org.opencontainers.image.revision").asText());
    assertEquals("blue", a.path("team").asText());
  }

  @Test
  void sourceRevisionAndCreatedDefaultFromTheGitCheckout() throws Exception {
    Path tree = tree();
    PersonIdent who =
        new PersonIdent("t", "t@example", Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);
    String sha;
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.getRepository()
          .getConfig()
          .setString("remote", "origin", "url", "https://user:pw@git.example/app.git");
      git.getRepository().getConfig().save();
      git.add().addFilepattern(".").call();
      sha = git.commit().setMessage("m").setAuthor(who).setCommitter(who).call().getName();
    }
    artifacts.push(request(tree, null, null, false));
    JsonNode a = annotations("1.0.0");
    assertEquals("https://git.example/app.git", a.path("org.opencontainers.image.source").asText());
    assertEquals("main@sha1:" + sha, a.path("org.opencontainers.image.revision").asText());
    assertEquals("2024-05-06T07:08:09Z", a.path("org.opencontainers.image.created").asText());

    try (Git git = Git.open(dir.toFile())) {
      git.tag().setName("v1.0.0").call();
    }
    artifacts.push(
        new PushRequest(
            "oci://registry.example/team/manifests:1.0.1",
            tree,
            null,
            null,
            Map.of(),
            false,
            null,
            false,
            List.of()));
    assertEquals(
        "v1.0.0@sha1:" + sha,
        annotations("1.0.1").path("org.opencontainers.image.revision").asText());
  }

  @Test
  void inACheckoutWithoutARemoteTheDefaultsAreThoseOfRelease() throws Exception {
    Path tree = tree();
    PersonIdent who =
        new PersonIdent("t", "t@example", Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);
    String sha;
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      sha = git.commit().setMessage("m").setAuthor(who).setCommitter(who).call().getName();
      git.tag().setName("v1.0.0").call();
    }
    artifacts.push(request(tree, null, null, false));
    JsonNode a = annotations("1.0.0");
    // hoist release writes the same: the revision from git, an empty source
    dev.hoist.git.Revision release = dev.hoist.git.GitInspector.inspect(dir, false);
    assertEquals(
        release.source() == null ? "" : release.source(),
        a.path("org.opencontainers.image.source").asText());
    assertEquals(release.fluxRevision(), a.path("org.opencontainers.image.revision").asText());
    assertEquals("v1.0.0@sha1:" + sha, a.path("org.opencontainers.image.revision").asText());
  }

  @Test
  void outsideAGitCheckoutSourceIsRequiredAndCreatedIsNow() throws IOException {
    Path tree = tree();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> artifacts.push(request(tree, null, "r", false)));
    assertTrue(e.getMessage().startsWith("--source is required"), e.getMessage());
    assertTrue(repo.calls.isEmpty());
    artifacts.push(request(tree, "s", "r", false));
    assertEquals(
        "2030-01-02T03:04:05Z",
        annotations("1.0.0").path("org.opencontainers.image.created").asText());
  }

  @Test
  void urlsMustBeOciWithATagForPush() throws IOException {
    Path tree = tree();
    for (String url :
        List.of(
            "registry.example/a:1",
            "oci://registry.example/a",
            "oci://registry.example/a@" + Digest.sha256(new byte[0]))) {
      PushRequest req =
          new PushRequest(url, tree, "s", "r", Map.of(), true, null, false, List.of());
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> artifacts.push(req));
      assertTrue(e.getMessage().startsWith("invalid artifact URL"), e.getMessage());
    }
  }

  @Test
  void pullExtractsWhatWasPushedByTagAndByDigest() throws IOException {
    PushResult r = artifacts.push(request(tree(), "s", "r", true));
    PullResult byTag =
        artifacts.pull("oci://registry.example/team/manifests:1.0.0", dir.resolve("out1"));
    assertEquals(r.digest(), byTag.digest());
    assertEquals("kind: ConfigMap\n", Files.readString(dir.resolve("out1/apps/app.yaml")));
    artifacts.pull("oci://registry.example/team/manifests@" + r.digest(), dir.resolve("out2"));
    assertEquals(
        "resources: [apps/app.yaml]\n", Files.readString(dir.resolve("out2/kustomization.yaml")));
    try (var list = Files.list(dir)) {
      assertFalse(list.anyMatch(p -> p.getFileName().toString().startsWith(".hoist-layer-")));
    }
  }

  @Test
  void tagRePutsTheSameManifestWithoutBlobs() throws IOException {
    PushResult r = artifacts.push(request(tree(), "s", "r", true));
    repo.calls.clear();
    Publication p =
        artifacts.tag(
            "oci://registry.example/team/manifests:1.0.0", List.of("stable", "v1"), false);
    assertEquals(List.of("manifest " + MediaTypes.OCI_MANIFEST + " [stable, v1]"), repo.calls);
    assertEquals(r.digest(), p.digest().toString());
    assertEquals(repo.tags.get("1.0.0"), repo.tags.get("stable"));
  }

  @Test
  void tagRefusesToMoveAVersionTag() throws IOException {
    artifacts.push(request(tree(), "s", "r", true));
    Files.writeString(dir.resolve("tree/new.yaml"), "x: 1\n");
    artifacts.push(
        new PushRequest(
            "oci://registry.example/team/manifests:2.0.0",
            dir.resolve("tree"),
            "s",
            "r",
            Map.of(),
            true,
            null,
            false,
            List.of()));
    repo.calls.clear();
    assertThrows(
        TagConflictException.class,
        () ->
            artifacts.tag("oci://registry.example/team/manifests:2.0.0", List.of("1.0.0"), false));
    assertEquals(List.of(), repo.calls);
    artifacts.tag("oci://registry.example/team/manifests:2.0.0", List.of("1.0.0"), true);
    assertEquals(repo.tags.get("2.0.0"), repo.tags.get("1.0.0"));
  }

  @Test
  void listHidesCosignTagsAndFilters() throws IOException {
    artifacts.push(request(tree(), "https://git.example/a.git", "main@sha1:1", true));
    artifacts.tag(
        "oci://registry.example/team/manifests:1.0.0",
        List.of(
            "v1.1.0",
            "2.0.0-rc.1",
            "2.0.0",
            "main",
            "sha256-abc.sig",
            "sha256-abc.att",
            "sha256-abc.sbom"),
        false);
    String url = "oci://registry.example/team/manifests";
    assertEquals(
        List.of("1.0.0", "v1.1.0", "2.0.0-rc.1", "2.0.0", "main"),
        artifacts.list(url, null, null).stream().map(ListedArtifact::tag).toList());
    assertEquals(
        List.of("1.0.0", "v1.1.0"),
        artifacts.list(url, "~1", null).stream().map(ListedArtifact::tag).toList());
    assertEquals(
        List.of("2.0.0-rc.1", "2.0.0"),
        artifacts.list(url, ">=2.0.0-0", null).stream().map(ListedArtifact::tag).toList());
    assertEquals(
        List.of("v1.1.0"),
        artifacts.list(url, null, "^v").stream().map(ListedArtifact::tag).toList());
    ListedArtifact one = artifacts.list(url, "1.0.0", null).get(0);
    assertEquals("https://git.example/a.git", one.source());
    assertEquals("main@sha1:1", one.revision());
    assertEquals(repo.tags.get("1.0.0").toString(), one.digest());
    assertThrows(IllegalArgumentException.class, () -> artifacts.list(url, null, "("));

    byte[] index =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    repo.pushManifest(index, MediaTypes.OCI_INDEX, List.of("an-index"));
    ListedArtifact other = artifacts.list(url, null, "^an-").get(0);
    assertEquals(Digest.sha256(index).toString(), other.digest());
    assertEquals("", other.source());
  }

  @Test
  void diffComparesTarContentNotGzipBytes() throws IOException {
    Path tree = tree();
    artifacts.push(request(tree, "s", "r", true));
    assertTrue(artifacts.diff("oci://registry.example/team/manifests:1.0.0", tree, null).equal());

    // the same tar compressed by another deflater (as Go's would be): different layer digest, no
    // difference
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    new ArtifactPacker().writeTar(tree, ArtifactOptions.defaults(), tar);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
      z.write(tar.toByteArray());
    }
    Path other = dir.resolve("other.tgz");
    Files.write(other, gz.toByteArray());
    PackedArtifact foreign =
        new PackedArtifact(
            other,
            new Descriptor(MediaTypes.FLUX_CONTENT, Digest.sha256(gz.toByteArray()), gz.size()),
            List.of());
    Digest foreignDigest =
        new ArtifactPublisher()
            .push(
                repo,
                foreign,
                new ArtifactMetadata("s", "r", Instant.EPOCH, Map.of()),
                List.of("go"));
    assertNotEquals(repo.tags.get("1.0.0"), foreignDigest);
    assertTrue(artifacts.diff("oci://registry.example/team/manifests:go", tree, null).equal());

    Files.writeString(tree.resolve("apps/app.yaml"), "kind: Secret\n");
    Files.writeString(tree.resolve("added.yaml"), "a: 1\n");
    Files.delete(tree.resolve("kustomization.yaml"));
    TreeDiff diff = artifacts.diff("oci://registry.example/team/manifests:go", tree, null);
    assertEquals(
        List.of("added     added.yaml", "modified  apps/app.yaml", "removed   kustomization.yaml"),
        diff.changes().stream().map(Object::toString).toList());
  }
}
