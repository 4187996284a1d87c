package dev.hoist.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.git.Revision;
import dev.hoist.git.Semver;
import dev.hoist.oci.Digest;
import dev.hoist.oci.OciLayout;
import dev.hoist.run.Progress;
import dev.hoist.testing.InMemoryRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tag plan as one stage with its typed inputs: a built image and a destination repository in
 * memory, no release around it.
 */
class PlanTagsStepTest {
  private final InMemoryRepository repo = new InMemoryRepository("registry.test/acme/api");
  private final Publishing planning = Publishing.toRegistry("registry.test/acme", name -> repo);
  private final List<String> progress = new ArrayList<>();

  private Digest push(String content, String tag) throws Exception {
    return repo.pushManifest(
        ("{\"schemaVersion\":2,\"annotations\":{\"x\":\"" + content + "\"}}")
            .getBytes(StandardCharsets.UTF_8),
        "application/vnd.oci.image.manifest.v1+json",
        List.of(tag));
  }

  private PlanTagsStep.Plans plan(Digest built, String version) throws Exception {
    Semver semver = Semver.fromTag("v" + version);
    Revision revision =
        new Revision(semver, "v" + version, "0".repeat(40), Instant.EPOCH, null, null, false);
    List<String> tags =
        revision.movesLatest() ? List.of(semver.tag(), "latest") : List.of(semver.tag());
    LocalImage image =
        new LocalImage("api", "api", repo.name(), OciLayout.at(Path.of("unused")), built);
    return PlanTagsStep.run(
        List.of(image),
        Optional.empty(),
        planning,
        "manifests/shop",
        new ResolveRevisionStep.Version(revision, tags),
        (Progress) progress::add);
  }

  @Test
  void aVersionTagThatNamesAnotherDigestStopsThePlanWithBothDigests() throws Exception {
    Digest other = push("other", "1.2.3");
    Digest built = Digest.sha256("built".getBytes(StandardCharsets.UTF_8));
    ReleaseException e = assertThrows(ReleaseException.class, () -> plan(built, "1.2.3"));
    assertTrue(
        e.getMessage().contains(other.toString()) && e.getMessage().contains(built.toString()),
        e.getMessage());
  }

  @Test
  void aReleaseOfThePreReleasesDigestIsAPromotion() throws Exception {
    Digest built = push("built", "1.2.3-rc.1");
    PlanTagsStep.Plans plans = plan(built, "1.2.3");
    assertEquals(List.of("1.2.3", "latest"), plans.images().get(0).plan().put());
    assertEquals(Optional.empty(), plans.artifact());
    assertTrue(
        progress.contains(
            "image api: promotion: 1.2.3-rc.1 built the same digest; tags added, nothing rebuilt"
                + " or uploaded"),
        String.join("\n", progress));
  }

  @Test
  void tagsThatNameTheImageAlreadyPutNothing() throws Exception {
    Digest built = push("built", "1.2.3");
    repo.tags.put("latest", built);
    PlanTagsStep.Plans plans = plan(built, "1.2.3");
    assertEquals(List.of(), plans.images().get(0).plan().put());
    assertEquals(List.of("1.2.3", "latest"), plans.images().get(0).plan().keep());
    assertTrue(progress.stream().noneMatch(l -> l.contains("promotion")), "" + progress);
  }
}
