package dev.hoist.cli;

import static dev.hoist.cli.CliRun.hoist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.testing.RealParts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hoist artifact ...} end to end through the command line, against the real test registry.
 */
@Tag("integration")
@Timeout(120)
class ArtifactCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private Path tree() throws IOException {
    Path tree = Files.createDirectories(dir.resolve("tree/apps"));
    Files.writeString(tree.resolve("app.yaml"), "kind: ConfigMap\n");
    Files.writeString(dir.resolve("tree/.env"), "TOKEN=x\n");
    return dir.resolve("tree");
  }

  @Test
  void pushPullTagListDiffAgainstTheRegistry() throws IOException {
    String repo = RealParts.registry() + "/hoist-cli/t" + Long.toString(System.nanoTime(), 36);
    Path tree = tree();
    String[] push = {
      "artifact",
      "push",
      "oci://" + repo + ":1.0.0",
      "--path",
      tree.toString(),
      "--source",
      "https://git.example/a.git",
      "--revision",
      "v1.0.0@sha1:abc",
      "--reproducible",
      "--insecure",
      "-a",
      "team=blue",
      "-a",
      "env=prod",
      "-o",
      "json"
    };
    CliRun pushed = hoist(push);
    assertEquals(0, pushed.code(), pushed.err());
    JsonNode json = JSON.readTree(pushed.out());
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("url", "repository", "tag", "digest"), keys);
    assertEquals("oci://" + repo + ":1.0.0", json.get("url").asText());
    assertEquals(repo, json.get("repository").asText());
    assertEquals("1.0.0", json.get("tag").asText());
    String digest = json.get("digest").asText();
    assertTrue(pushed.err().contains("warning: excluded .env"), pushed.err());

    CliRun again = hoist(push);
    assertEquals(0, again.code(), again.err());
    assertEquals(digest, JSON.readTree(again.out()).get("digest").asText());
    assertTrue(again.err().contains("unchanged"), again.err());

    Files.writeString(tree.resolve("apps/app.yaml"), "kind: Secret\n");
    CliRun refused = hoist(push);
    assertEquals(1, refused.code());
    assertTrue(
        refused
            .err()
            .contains(
                "hoist: error: version tags are immutable: "
                    + repo
                    + ":1.0.0 is "
                    + digest
                    + ", this artifact is sha256:"),
        refused.err());

    CliRun diff =
        hoist(
            "artifact",
            "diff",
            "oci://" + repo + ":1.0.0",
            "--path",
            tree.toString(),
            "--insecure");
    assertEquals(1, diff.code(), diff.err());
    assertEquals("modified  apps/app.yaml\n", diff.out());

    String[] forced = push.clone();
    forced[forced.length - 2] = "--force";
    forced[forced.length - 1] = "-q";
    CliRun moved = hoist(forced);
    assertEquals(0, moved.code(), moved.err());
    CliRun same =
        hoist(
            "artifact",
            "diff",
            "oci://" + repo + ":1.0.0",
            "--path",
            tree.toString(),
            "--insecure");
    assertEquals(0, same.code(), same.err());
    assertEquals("no changes\n", same.out());

    CliRun tag =
        hoist(
            "artifact",
            "tag",
            "oci://" + repo + ":1.0.0",
            "--tag",
            "1.1.0-rc.1",
            "--tag",
            "v2.0.0",
            "--insecure");
    assertEquals(0, tag.code(), tag.err());
    assertEquals(2, tag.out().lines().count(), tag.out());

    CliRun list =
        hoist(
            "artifact",
            "list",
            "oci://" + repo,
            "--filter-semver",
            ">=1.0.0",
            "--insecure",
            "-o",
            "json");
    assertEquals(0, list.code(), list.err());
    List<String> tags = new ArrayList<>();
    for (Iterator<JsonNode> it = JSON.readTree(list.out()).elements(); it.hasNext(); ) {
      JsonNode a = it.next();
      tags.add(a.get("tag").asText());
      assertEquals("https://git.example/a.git", a.get("source").asText());
    }
    assertEquals(List.of("1.0.0", "v2.0.0"), tags);
    CliRun regex = hoist("artifact", "list", "oci://" + repo, "--filter-regex", "rc", "--insecure");
    assertEquals(2, regex.out().lines().count(), regex.out());

    Path out = dir.resolve("pulled");
    CliRun pull =
        hoist(
            "artifact",
            "pull",
            "oci://" + repo + ":v2.0.0",
            "--output",
            out.toString(),
            "--insecure");
    assertEquals(0, pull.code(), pull.err());
    assertEquals("kind: Secret\n", Files.readString(out.resolve("apps/app.yaml")));
    assertTrue(!Files.exists(out.resolve(".env")));
  }

  @Test
  void buildWritesTheTgzAndHelpNamesTheDifferencesFromFlux() throws IOException {
    Path tree = tree();
    Path tgz = dir.resolve("out/artifact.tgz");
    CliRun build =
        hoist("artifact", "build", "--path", tree.toString(), "--output", tgz.toString());
    assertEquals(0, build.code(), build.err());
    assertTrue(Files.size(tgz) > 0);
    assertTrue(build.out().startsWith(tgz + " sha256:"), build.out());

    Files.createSymbolicLink(tree.resolve("link.yaml"), tree.resolve("apps/app.yaml"));
    CliRun link = hoist("artifact", "build", "--path", tree.toString(), "--output", tgz.toString());
    assertEquals(1, link.code());
    assertTrue(link.err().contains("link.yaml"), link.err());
    assertEquals(
        0,
        hoist(
                "artifact",
                "build",
                "--path",
                tree.toString(),
                "--output",
                tgz.toString(),
                "--resolve-symlinks")
            .code());

    String help = hoist("artifact", "push", "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("symlinks are an error unless --resolve-symlinks"), help);
    assertTrue(help.contains(".env and .env.* files are excluded with a warning"), help);
    assertTrue(help.contains("gzip bytes differ from Go's"), help);
    assertTrue(help.contains("the config blob is {}"), help);
    CliRun usage = hoist("artifact", "push", "registry.example/a:1", "--path", tree.toString());
    assertEquals(2, usage.code());
    assertTrue(usage.err().contains("must start with oci://"), usage.err());
  }
}
