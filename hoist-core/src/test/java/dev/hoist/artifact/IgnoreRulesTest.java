package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {

  private static boolean excluded(List<String> patterns, String path, boolean dir) {
    return new IgnoreRules(patterns).excluded(List.of(path.split("/")), dir);
  }

  @Test
  void patternWithoutSlashMatchesAnyComponentAtAnyDepth() {
    List<String> p = List.of("*.png");
    assertTrue(excluded(p, "logo.png", false));
    assertTrue(excluded(p, "a/b/c/logo.png", false));
    assertTrue(excluded(p, "icons.png/inner.txt", false)); // below a matching component
    assertFalse(excluded(p, "logo.png.txt", false));
  }

  @Test
  void trailingSlashMatchesDirectoriesOnlyAndWhatIsBelowThem() {
    List<String> p = List.of("build/");
    assertTrue(excluded(p, "build", true));
    assertTrue(excluded(p, "sub/build", true));
    assertTrue(excluded(p, "build/out.txt", false));
    assertFalse(excluded(p, "build", false));
    assertFalse(excluded(p, "sub/build", false));
  }

  @Test
  void doubleStarMatchesAnyNumberOfDirectories() {
    List<String> p = List.of("a/**/b.yaml");
    assertTrue(excluded(p, "a/b.yaml", false));
    assertTrue(excluded(p, "a/x/y/b.yaml", false));
    assertFalse(excluded(p, "c/a/b.yaml", false));
    assertFalse(excluded(p, "a/x/c.yaml", false));
    List<String> anyTmp = List.of("**/tmp");
    assertTrue(excluded(anyTmp, "tmp", true));
    assertTrue(excluded(anyTmp, "x/y/tmp", true));
    assertTrue(excluded(anyTmp, "x/tmp/file", false));
    assertFalse(excluded(anyTmp, "x/tmpfile", false));
    List<String> below = List.of("docs/**");
    assertTrue(excluded(below, "docs/a/b.md", false));
    assertTrue(excluded(below, "docs", true)); // Flux's matcher also matches the directory itself
    assertFalse(excluded(below, "src/docs", true));
  }

  @Test
  void slashAnchorsToTheRoot() {
    assertTrue(excluded(List.of("/root.txt"), "root.txt", false));
    assertFalse(excluded(List.of("/root.txt"), "sub/root.txt", false));
    assertTrue(excluded(List.of("deploy/dev"), "deploy/dev/x.yaml", false));
    assertFalse(excluded(List.of("deploy/dev"), "x/deploy/dev", true));
  }

  @Test
  void laterPatternsWinAndBangReincludes() {
    assertTrue(excluded(List.of("!x.txt", "x.txt"), "x.txt", false));
    assertFalse(excluded(List.of("x.txt", "!x.txt"), "x.txt", false));
    List<String> p = List.of("*.yaml", "!keep.yaml");
    assertTrue(excluded(p, "a/drop.yaml", false));
    assertFalse(excluded(p, "a/keep.yaml", false));
  }

  @Test
  void goGlobClassesEscapesAndBadPatterns() {
    assertTrue(excluded(List.of("[a-c]*.yaml"), "b1.yaml", false));
    assertFalse(excluded(List.of("[a-c]*.yaml"), "d1.yaml", false));
    assertTrue(excluded(List.of("[^x]?.json"), "ab.json", false));
    assertFalse(excluded(List.of("[^x]?.json"), "xb.json", false));
    assertTrue(excluded(List.of("\\*.txt"), "*.txt", false));
    assertFalse(excluded(List.of("\\*.txt"), "a.txt", false));
    assertFalse(excluded(List.of("[a-"), "[a-", false)); // malformed: matches nothing
    assertFalse(excluded(List.of("[]a]"), "a", false));
  }

  @Test
  void commaSeparatedEntriesCommentsAndBlanks() {
    List<String> p = List.of("*.md,*.txt", "# comment", "  ");
    assertTrue(excluded(p, "README.md", false));
    assertTrue(excluded(p, "notes.txt", false));
    assertFalse(excluded(p, "# comment", false));
    assertFalse(excluded(p, "a.yaml", false));
  }

  @Test
  void fluxDefaultList() {
    assertEquals(
        List.of(
            ".git/",
            ".gitignore",
            ".gitmodules",
            ".gitattributes",
            "*.jpg",
            "*.jpeg",
            "*.gif",
            "*.png",
            "*.wmv",
            "*.flv",
            "*.tar.gz",
            "*.zip"),
        IgnoreRules.FLUX_DEFAULT);
    List<String> d = IgnoreRules.FLUX_DEFAULT;
    assertTrue(excluded(d, ".git", true));
    assertTrue(excluded(d, ".git/objects/ab", false));
    assertFalse(excluded(d, "sub/.git", false)); // a worktree's .git file is not a directory
    assertTrue(excluded(d, "x/a.tar.gz", false));
    assertFalse(excluded(d, "x/a.tgz", false));
  }
}
