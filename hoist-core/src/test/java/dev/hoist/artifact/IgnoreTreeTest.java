package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoreTreeTest {
  @TempDir Path dir;

  private Path write(String rel, String content) throws IOException {
    Path p = dir.resolve("t").resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  private Path root() {
    return dir.resolve("t");
  }

  @Test
  void defaultListAndEnvRuleWithWarnings() throws IOException {
    write(".git/config", "c");
    write(".git/objects/ab/cd", "o");
    write(".gitignore", "g");
    write("sub/.git", "gitdir: ../.git/worktrees/sub");
    write("sub/ok.yaml", "y");
    write("img/deep/a.jpg", "j");
    write("logo.png", "p");
    write("bundle.tar.gz", "z");
    write(".env", "SECRET=1");
    write("sub/.env.local", "SECRET=2");
    write(".envrc", "use nix");
    write("ok.yaml", "y");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> warnings = new ArtifactPacker().writeTar(root(), ArtifactOptions.defaults(), out);
    assertEquals(
        List.of(".", ".envrc", "img", "img/deep", "ok.yaml", "sub", "sub/.git", "sub/ok.yaml"),
        TarBlocks.names(out.toByteArray()));
    assertEquals(
        List.of(
            "excluded .env (.env files are never packed unless ignore patterns are given)",
            "excluded sub/.env.local (.env files are never packed unless ignore patterns are given)"),
        warnings);
  }

  @Test
  void callerListReplacesDefaultsAndEnvRule() throws IOException {
    write(".git/config", "c");
    write(".env", "SECRET=1");
    write("README.md", "r");
    write("logo.png", "p");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> warnings =
        new ArtifactPacker().writeTar(root(), new ArtifactOptions(List.of("*.md"), false), out);
    assertEquals(
        List.of(".", ".env", ".git", ".git/config", "logo.png"),
        TarBlocks.names(out.toByteArray()));
    assertEquals(List.of(), warnings);
  }

  @Test
  void bangReincludesBelowAnExcludedDirectoryLikeFlux() throws IOException {
    write("build/keep.txt", "k");
    write("build/other.txt", "o");
    write("src/a.yaml", "a");
    ArtifactOptions options = new ArtifactOptions(List.of("build/", "!build/keep.txt"), false);
    assertEquals(
        List.of(".", "build/keep.txt", "src", "src/a.yaml"),
        TarBlocks.names(TarBlocks.tar(root(), options)));
  }

  @Test
  void doubleStarAndLaterWinsThroughTheWalk() throws IOException {
    write("a/b.yaml", "1");
    write("a/x/b.yaml", "2");
    write("a/x/c.yaml", "3");
    write("c/a/b.yaml", "4");
    ArtifactOptions options =
        new ArtifactOptions(List.of("a/**/b.yaml", "c/", "!c/a/b.yaml"), false);
    assertEquals(
        List.of(".", "a", "a/x", "a/x/c.yaml", "c/a/b.yaml"),
        TarBlocks.names(TarBlocks.tar(root(), options)));
  }

  @Test
  void singleIgnoredFileGivesOnlyTheRoot() throws IOException {
    Path file = write("logo.png", "p");
    assertEquals(List.of("."), TarBlocks.names(TarBlocks.tar(file, ArtifactOptions.defaults())));
  }
}
