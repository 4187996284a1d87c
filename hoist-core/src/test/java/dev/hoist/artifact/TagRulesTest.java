package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.oci.Digest;
import dev.hoist.testing.InMemoryRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version tags are immutable and latest only moves forward; checked before any upload. */
class TagRulesTest {
  @TempDir Path dir;
  private final InMemoryRepository repo = new InMemoryRepository("fake/repo");

  private PackedArtifact pack(String content) throws IOException {
    Path tree = Files.createDirectories(dir.resolve("tree-" + content.hashCode()));
    Files.writeString(tree.resolve("a.yaml"), content);
    return new ArtifactPacker()
        .pack(tree, ArtifactOptions.defaults(), dir.resolve(content.hashCode() + ".tgz"));
  }

  private Publication publish(String content, boolean force, String... tags) throws IOException {
    ArtifactMetadata meta = new ArtifactMetadata("src", "rev", Instant.EPOCH, Map.of());
    return new ArtifactPublisher().publish(repo, pack(content), meta, List.of(tags), force);
  }

  @Test
  void aVersionTagOnAnotherDigestIsRefusedBeforeAnyUploadShowingBothDigests() throws IOException {
    Digest first = publish("one", false, "1.0.0").digest();
    repo.calls.clear();
    TagConflictException e =
        assertThrows(TagConflictException.class, () -> publish("two", false, "1.0.0"));
    assertEquals(List.of(), repo.calls);
    assertTrue(e.getMessage().contains(first.toString()), e.getMessage());
    Digest second =
        Digest.sha256(
            ArtifactManifest.json(
                ArtifactManifest.configDescriptor(),
                pack("two").layer(),
                new ArtifactMetadata("src", "rev", Instant.EPOCH, Map.of())));
    assertTrue(e.getMessage().contains(second.toString()), e.getMessage());
    assertEquals(first, repo.tags.get("1.0.0"));
  }

  @Test
  void tagsThatLookLikeVersionsButAreNotSemverAreRefusedBeforeAnyUpload() throws IOException {
    for (String tag : List.of("1.2", "01.2.3", "v01.2.3", "1.2.3-rc.01", "1.2.3-", "1.2.3.4")) {
      dev.hoist.run.HoistException e =
          assertThrows(dev.hoist.run.HoistException.class, () -> publish("one", false, tag), tag);
      assertEquals(dev.hoist.run.ExitCode.USAGE, e.exitCode(), tag);
      assertTrue(e.getMessage().contains("is not SemVer 2.0"), e.getMessage());
    }
    assertEquals(List.of(), repo.calls);
    publish("one", false, "main", "1f3e5a7", "1.2.3_build.5");
    assertTrue(TagPolicy.version("1.2.3_build.5").isPresent());
  }

  @Test
  void vAndBareSpellingsAreOneVersion() throws IOException {
    Digest first = publish("one", false, "v1.0.0").digest();
    repo.calls.clear();
    TagConflictException e =
        assertThrows(TagConflictException.class, () -> publish("two", false, "1.0.0"));
    assertTrue(
        e.getMessage().contains("v1.0.0 (the same version as 1.0.0) is " + first), e.getMessage());
    assertTrue(repo.calls.isEmpty(), repo.calls.toString());
    assertEquals(first, publish("one", false, "1.0.0").digest());
  }

  @Test
  void theSameTreeAtAnotherCreatedTimeIsANoOpNotAConflict() throws IOException {
    PackedArtifact tree = pack("one");
    Publication first =
        new ArtifactPublisher()
            .publish(
                repo,
                tree,
                new ArtifactMetadata("src", "rev", Instant.parse("2026-01-01T00:00:00Z"), Map.of()),
                List.of("1.0.0", "latest"),
                false);
    repo.calls.clear();
    Publication again =
        new ArtifactPublisher()
            .publish(
                repo,
                tree,
                new ArtifactMetadata("src", "rev", Instant.parse("2026-12-03T17:00:00Z"), Map.of()),
                List.of("1.0.0", "latest"),
                false);
    assertEquals(first.digest(), again.digest());
    assertTrue(again.unchanged());
    assertEquals(List.of(), repo.calls, "no upload");
    assertTrue(again.notes().get(0).contains("only org.opencontainers.image.created differs"));
    // other content at the same version is still refused
    assertThrows(TagConflictException.class, () -> publish("two", false, "1.0.0"));
  }

  @Test
  void theSameDigestAgainIsANoOpThatSendsNothing() throws IOException {
    Publication first = publish("one", false, "v1.0.0");
    repo.calls.clear();
    Publication again = publish("one", false, "v1.0.0");
    assertEquals(first.digest(), again.digest());
    assertTrue(again.unchanged());
    assertEquals(List.of("v1.0.0"), again.tags());
    assertEquals(List.of(), repo.calls);
  }

  @Test
  void forceMovesAVersionTagAndSaysSo() throws IOException {
    publish("one", false, "1.0.0");
    Publication moved = publish("two", true, "1.0.0");
    assertEquals(moved.digest(), repo.tags.get("1.0.0"));
    assertEquals(1, moved.notes().size());
    assertTrue(
        moved.notes().get(0).startsWith("--force: moving fake/repo:1.0.0 from sha256:"),
        moved.notes().get(0));
  }

  @Test
  void otherTagsMoveFreely() throws IOException {
    publish("one", false, "main");
    Publication two = publish("two", false, "main");
    assertEquals(two.digest(), repo.tags.get("main"));
  }

  @Test
  void latestMovesOnlyForAStableVersionAtLeastEveryStableVersionThere() throws IOException {
    Digest v2 = publish("v2", false, "2.0.0", "latest").digest();
    assertEquals(v2, repo.tags.get("latest"));

    Publication older = publish("v1", false, "1.5.0", "latest");
    assertEquals(List.of("1.5.0"), older.tags());
    assertEquals(v2, repo.tags.get("latest"));
    assertTrue(
        older.notes().get(0).contains("already has 2.0.0, newer than 1.5.0"),
        older.notes().toString());

    Publication pre = publish("v3rc", false, "3.0.0-rc.1", "latest");
    assertEquals(List.of("3.0.0-rc.1"), pre.tags());
    assertEquals(v2, repo.tags.get("latest"));
    assertTrue(pre.notes().get(0).contains("pre-release"), pre.notes().toString());

    Digest v3 = publish("v3", false, "3.0.0", "latest").digest();
    assertEquals(v3, repo.tags.get("latest"));
    Digest patch = publish("v21", false, "2.1.0").digest();
    assertEquals(v3, repo.tags.get("latest"));
    assertEquals(patch, repo.tags.get("2.1.0"));
  }

  @Test
  void latestAloneIsAnOrdinaryTag() throws IOException {
    publish("v2", false, "2.0.0");
    Digest d = publish("anything", false, "latest").digest();
    assertEquals(d, repo.tags.get("latest"));
  }

  @Test
  void theReleaseEntryPointKeepsWorkingAndAppliesTheRules() throws IOException {
    ArtifactMetadata meta = new ArtifactMetadata("src", "rev", Instant.EPOCH, Map.of());
    Digest d = new ArtifactPublisher().push(repo, pack("one"), meta, List.of("1.0.0", "latest"));
    assertEquals(d, repo.tags.get("latest"));
    assertThrows(
        TagConflictException.class,
        () -> new ArtifactPublisher().push(repo, pack("two"), meta, List.of("1.0.0", "latest")));
    assertEquals(d, repo.tags.get("latest"));
  }
}
