package dev.hoist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hoist diff against a git ref: added, removed and changed objects, secrets hidden, exit codes. */
class DiffCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int hoist(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private void write(String path, String content) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void objectLevelDiffAgainstACommit() throws Exception {
    write("hoist.yaml", "project: shop\nregistry: ghcr.io/acme\noverlays: [dev]\n");
    write(
        "overlays/dev/kustomization.yaml",
        "namespace: dev\nresources: [cm.yaml, secret.yaml, old.yaml]\n");
    write(
        "overlays/dev/cm.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata:\n  a: \"1\"\n  b: \"2\"\n  c: \"3\"\n");
    write(
        "overlays/dev/secret.yaml",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: old-secret}\n");
    write("overlays/dev/old.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: gone}\n");
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("one").setSign(false).call();
    }
    String config = dir.resolve("hoist.yaml").toString();
    assertEquals(0, hoist("diff", "--config", config));
    assertTrue(out.toString().startsWith("overlay dev: no change against HEAD ("), out.toString());

    write(
        "overlays/dev/kustomization.yaml",
        "namespace: dev\nresources: [cm.yaml, secret.yaml, new.yaml]\n");
    write(
        "overlays/dev/cm.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata:\n  c: \"3\"\n  a: \"1\"\n  b: \"two\"\n");
    write(
        "overlays/dev/secret.yaml",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: new-secret}\n");
    write("overlays/dev/new.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: bot}\n");
    assertEquals(
        1, hoist("diff", "--config", config, "--markdown", dir.resolve("pr.md").toString()));
    String text = out.toString();
    assertTrue(text.startsWith("overlay dev: 4 change(s) against HEAD ("), text);
    assertTrue(
        text.contains(
            "  ~ v1 ConfigMap dev/app\n"
                + "    @@\n"
                + "     apiVersion: v1\n"
                + "     data:\n"
                + "       a: \"1\"\n"
                + "    -  b: \"2\"\n"
                + "    +  b: two\n"
                + "       c: \"3\"\n"
                + "     kind: ConfigMap\n"
                + "     metadata:\n"),
        text);
    assertTrue(text.contains("  + v1 ServiceAccount dev/bot\n"), text);
    assertTrue(text.contains("  - v1 ConfigMap dev/gone\n"), text);
    assertTrue(text.contains("  ~ v1 Secret dev/db\n"), text);
    assertTrue(!text.contains("old-secret") && !text.contains("new-secret"), text);
    assertTrue(text.contains("password: (hidden, sha256 "), text);
    String markdown = Files.readString(dir.resolve("pr.md"));
    assertTrue(markdown.startsWith("### hoist diff against `HEAD ("), markdown);
    assertTrue(markdown.contains("- changed `v1 ConfigMap dev/app`\n\n```diff\n@@\n"), markdown);

    assertEquals(1, hoist("diff", "--config", config, "-o", "json"));
    assertEquals(
        4,
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(out.toString())
            .path("changes")
            .asInt());
    assertEquals(2, hoist("diff", "--config", config, "--against-ref", "nope"));
    assertTrue(err.toString().contains("--against-ref nope: no such commit"), err.toString());
  }
}
