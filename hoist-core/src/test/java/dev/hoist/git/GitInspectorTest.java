package dev.hoist.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitInspectorTest {
  @TempDir Path dir;
  Git git;
  RevCommit commit;

  @BeforeEach
  void repo() throws Exception {
    git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    Files.writeString(dir.resolve(".gitignore"), "target/\n");
    Files.writeString(dir.resolve("a.txt"), "a\n");
    git.add().addFilepattern(".").call();
    PersonIdent who =
        new PersonIdent(
            "t",
            "t@example.com",
            Instant.parse("2026-03-04T05:06:07Z"),
            java.time.ZoneOffset.ofHours(2));
    commit = git.commit().setMessage("one").setAuthor(who).setCommitter(who).call();
  }

  private GitException refusal() {
    return assertThrows(GitException.class, () -> GitInspector.inspect(dir, false));
  }

  @Test
  void lightweightTag() throws Exception {
    git.tag().setName("v1.2.3").setAnnotated(false).call();
    Revision r = GitInspector.inspect(dir, false);
    assertEquals("1.2.3", r.version().toString());
    assertEquals("v1.2.3", r.tag());
    assertEquals(commit.getName(), r.commit());
    assertEquals(Instant.parse("2026-03-04T05:06:07Z"), r.commitTime());
    assertEquals("v1.2.3@sha1:" + commit.getName(), r.fluxRevision());
    assertTrue(r.movesLatest());
    assertNull(r.source());
  }

  @Test
  void aTagWithBuildMetadataIsAReleaseTaggedWithAnUnderscore() throws Exception {
    git.tag().setName("v1.2.3+build.5").setAnnotated(false).call();
    Revision r = GitInspector.inspect(dir, false);
    assertEquals("1.2.3+build.5", r.version().toString());
    assertEquals("1.2.3_build.5", r.version().tag());
  }

  @Test
  void annotatedTagIsPeeledAndHighestSemverWins() throws Exception {
    git.tag().setName("v1.3.0-rc.1").setMessage("rc").setAnnotated(true).call();
    git.tag().setName("release-candidate").setAnnotated(false).call();
    Revision r = GitInspector.inspect(dir, false);
    assertEquals("1.3.0-rc.1", r.version().toString());
    assertFalse(r.movesLatest());
    git.tag().setName("v1.3.0").setMessage("final").setAnnotated(true).call();
    assertEquals("1.3.0", GitInspector.inspect(dir, false).version().toString());
  }

  @Test
  void untaggedAndNonSemverAreRefused() throws Exception {
    GitException e = refusal();
    assertEquals(GitException.Reason.UNTAGGED, e.reason());
    assertEquals(
        "HEAD "
            + commit.getName().substring(0, 12)
            + " has no tag: tag it vMAJOR.MINOR.PATCH to release, or use --snapshot",
        e.getMessage());
    git.tag().setName("v1.2").setAnnotated(false).call();
    git.tag().setName("v01.2.3").setAnnotated(false).call();
    e = refusal();
    assertEquals(GitException.Reason.NOT_SEMVER, e.reason());
    assertEquals(
        "HEAD's tags v01.2.3, v1.2 are not semantic versions vMAJOR.MINOR.PATCH[-PRERELEASE]",
        e.getMessage());
  }

  @Test
  void tagOnAnOlderCommitDoesNotCount() throws Exception {
    git.tag().setName("v1.0.0").setAnnotated(false).call();
    Files.writeString(dir.resolve("b.txt"), "b\n");
    git.add().addFilepattern("b.txt").call();
    git.commit().setMessage("two").call();
    assertEquals(GitException.Reason.UNTAGGED, refusal().reason());
  }

  @Test
  void everyKindOfDirtyTreeIsRefusedButIgnoredFilesAreNot() throws Exception {
    git.tag().setName("v1.0.0").setAnnotated(false).call();
    Files.createDirectories(dir.resolve("target"));
    Files.writeString(dir.resolve("target/out.jar"), "ignored");
    assertEquals("1.0.0", GitInspector.inspect(dir, false).version().toString());

    Files.writeString(dir.resolve("new.txt"), "untracked");
    GitException e = refusal();
    assertEquals(GitException.Reason.DIRTY, e.reason());
    assertEquals(
        "the working tree is not clean (1 path(s), first: new.txt): commit or stash before releasing, "
            + "or use --snapshot",
        e.getMessage());
    git.add().addFilepattern("new.txt").call();
    assertEquals(GitException.Reason.DIRTY, refusal().reason());
    git.reset().setRef("HEAD").call();
    Files.delete(dir.resolve("new.txt"));
    Files.writeString(dir.resolve("a.txt"), "changed\n");
    assertEquals(GitException.Reason.DIRTY, refusal().reason());
    git.checkout().addPath("a.txt").call();
    Files.delete(dir.resolve("a.txt"));
    assertEquals(GitException.Reason.DIRTY, refusal().reason());
  }

  @Test
  void snapshotUsesShortShaAndAllowsUntaggedDirtyTrees() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "changed\n");
    Revision r = GitInspector.inspect(dir, true);
    assertEquals("0.0.0-" + commit.getName().substring(0, 12), r.version().toString());
    assertTrue(r.version().isPrerelease());
    assertFalse(r.movesLatest());
    assertEquals("main@sha1:" + commit.getName(), r.fluxRevision());
  }

  @Test
  void remoteUrlLosesCredentials() throws Exception {
    var config = git.getRepository().getConfig();
    config.setString("remote", "origin", "url", "https://bot:s3cr3t@github.com/acme/shop.git");
    config.save();
    assertEquals("https://github.com/acme/shop.git", GitInspector.inspect(dir, true).source());
    assertEquals(
        "git@github.com:acme/shop.git",
        GitInspector.withoutCredentials("git@github.com:acme/shop.git"));
  }

  @Test
  void notARepository(@TempDir Path plain) {
    GitException e = assertThrows(GitException.class, () -> GitInspector.inspect(plain, true));
    assertEquals(GitException.Reason.NOT_A_REPOSITORY, e.reason());
  }

  @Test
  void semverOrdering() {
    String[] ordered = {
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
      "1.0.1",
      "1.10.0",
      "2.0.0"
    };
    for (int i = 1; i < ordered.length; i++) {
      assertTrue(Semver.parse(ordered[i - 1]).compareTo(Semver.parse(ordered[i])) < 0, ordered[i]);
    }
    assertThrows(IllegalArgumentException.class, () -> Semver.parse("1.2"));
    assertThrows(IllegalArgumentException.class, () -> Semver.parse("1.2.3-01"));
    assertNull(Semver.fromTag("1.2.3"));
  }
}
