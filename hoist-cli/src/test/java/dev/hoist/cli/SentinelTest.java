package dev.hoist.cli;

import static dev.hoist.cli.CliRun.hoist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hoist.testing.RealParts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials never leave hoist: the password of the htpasswd test registry, a token in a {@code
 * --source} URL, and their base64 forms are searched for in stdout, stderr, the files written and
 * what was pushed (pulled back), over every artifact command, a usage error and a refused login.
 */
@Tag("integration")
@Timeout(120)
class SentinelTest {
  private static final String TOKEN = "glpat-SENTINEL-7f3k";
  @TempDir Path dir;

  private final List<String> seen = new ArrayList<>();

  private CliRun run(String... args) {
    CliRun r = hoist(args);
    seen.add(r.out());
    seen.add(r.err());
    return r;
  }

  @Test
  void noCommandPrintsStoresOrPushesACredential() throws IOException {
    String registry = RealParts.authRegistry();
    String user = System.getenv("HOIST_TEST_AUTH_USER");
    String password = System.getenv("HOIST_TEST_AUTH_PASSWORD");
    String creds = user + ":" + password;
    String repo = registry + "/sentinel/t" + Long.toString(System.nanoTime(), 36);
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("app.yaml"), "kind: ConfigMap\n");

    CliRun push =
        run(
            "artifact",
            "push",
            "oci://" + repo + ":1.0.0",
            "--path",
            tree.toString(),
            "--source",
            "https://ci-user:" + TOKEN + "@gitlab.example/team/app.git",
            "--revision",
            "v1.0.0@sha1:abc",
            "--reproducible",
            "--insecure",
            "--creds",
            creds,
            "-o",
            "json");
    assertEquals(0, push.code(), push.err());
    assertEquals(
        0,
        run(
                "artifact",
                "tag",
                "oci://" + repo + ":1.0.0",
                "--tag",
                "stable",
                "--insecure",
                "--creds",
                creds)
            .code());
    CliRun list =
        run("artifact", "list", "oci://" + repo, "--insecure", "--creds", creds, "-o", "json");
    assertEquals(0, list.code(), list.err());
    assertFalse(list.out().contains("ci-user"), list.out());
    Path pulled = dir.resolve("pulled");
    assertEquals(
        0,
        run(
                "artifact",
                "pull",
                "oci://" + repo + ":1.0.0",
                "--output",
                pulled.toString(),
                "--insecure",
                "--creds",
                creds)
            .code());
    CliRun usage =
        run(
            "artifact",
            "list",
            "oci://" + user + ":" + password + "@" + repo + ":x:y",
            "--insecure");
    assertNotEquals(0, usage.code());
    CliRun refused =
        run("artifact", "list", "oci://" + repo, "--insecure", "--creds", user + ":" + TOKEN);
    assertEquals(6, refused.code(), refused.err());

    // what was pushed: the manifest and config as the registry serves them, and the pulled files
    CliRun manifest =
        run("artifact", "list", "oci://" + repo, "--insecure", "--creds", creds, "-o", "json");
    assertEquals(0, manifest.code());
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        seen.add(Files.readString(f, StandardCharsets.ISO_8859_1));
      }
    }
    for (String secret :
        List.of(password, TOKEN, b64(password), b64(creds), b64(TOKEN), b64(user + ":" + TOKEN))) {
      for (String text : seen) {
        assertFalse(text.contains(secret), "leaked " + secret + " in: " + text);
      }
    }
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
