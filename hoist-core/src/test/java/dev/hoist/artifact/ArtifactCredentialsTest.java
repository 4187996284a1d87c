package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.oci.RegistryException;
import dev.hoist.testing.RealParts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifact commands' credential chain against the htpasswd registry that scripts/test.sh
 * starts.
 */
@Tag("integration")
@Timeout(60)
class ArtifactCredentialsTest {
  @TempDir Path dir;
  private final List<String> progress = new ArrayList<>();

  private String registry() {
    return RealParts.authRegistry();
  }

  private static String user() {
    return System.getenv("HOIST_TEST_AUTH_USER");
  }

  private static String password() {
    return System.getenv("HOIST_TEST_AUTH_PASSWORD");
  }

  private Path tree() throws IOException {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("a.yaml"), "a: 1\n");
    return tree;
  }

  private Map<String, String> env(Path dockerConfigDir, Path bin) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", dir.resolve("home").toString());
    env.put("PATH", (bin == null ? "" : bin + ":") + "/usr/bin:/bin");
    if (dockerConfigDir != null) {
      env.put("DOCKER_CONFIG", dockerConfigDir.toString());
    }
    return env;
  }

  private String url(String tag) {
    return "oci://"
        + registry()
        + "/hoist-creds/t"
        + Long.toString(System.nanoTime(), 36)
        + ":"
        + tag;
  }

  private PushResult push(Artifacts artifacts, String url) throws IOException {
    return artifacts.push(
        new PushRequest(url, tree(), "s", "r", Map.of(), true, null, false, List.of()));
  }

  private void assertNoSecret(Throwable e) {
    for (String line : progress) {
      assertFalse(line.contains(password()), line);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(password()), t.getMessage());
    }
  }

  @Test
  void aFakeDockerCredentialHelperOnPathViaDockerConfig() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path calls = dir.resolve("helper-calls");
    Path helper = bin.resolve("docker-credential-hoistfake");
    Files.writeString(
        helper,
        "#!/bin/sh\n"
            + "read server\n"
            + "echo \"$1 $server\" >> '"
            + calls
            + "'\n"
            + "printf '{\"ServerURL\":\"%s\",\"Username\":\""
            + user()
            + "\",\"Secret\":\""
            + password()
            + "\"}'"
            + " \"$server\"\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
    Path config = Files.createDirectories(dir.resolve("docker"));
    Files.writeString(
        config.resolve("config.json"), "{\"credHelpers\":{\"" + registry() + "\":\"hoistfake\"}}");
    Artifacts artifacts = Artifacts.forRegistries(null, true, env(config, bin), progress::add);
    String url = url("1.0.0");
    PushResult r = push(artifacts, url);
    assertTrue(r.digest().startsWith("sha256:"));
    PullResult pulled = artifacts.pull(url, dir.resolve("out"));
    assertEquals(r.digest(), pulled.digest());
    assertEquals(1, artifacts.list(url.substring(0, url.lastIndexOf(':')), null, null).size());
    String seen = Files.readString(calls, StandardCharsets.UTF_8);
    assertTrue(seen.startsWith("get " + registry()), seen);
    assertNoSecret(null);
  }

  @Test
  void dockerConfigAuthsAndExplicitCredsWork() throws IOException {
    Path config = Files.createDirectories(dir.resolve("docker"));
    String auth =
        Base64.getEncoder()
            .encodeToString((user() + ":" + password()).getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        config.resolve("config.json"),
        "{\"auths\":{\"" + registry() + "\":{\"auth\":\"" + auth + "\"}}}");
    push(Artifacts.forRegistries(null, true, env(config, null), progress::add), url("1.0.0"));
    push(
        Artifacts.forRegistries(user() + ":" + password(), true, env(null, null), progress::add),
        url("1.0.0"));
    assertNoSecret(null);
  }

  @Test
  void wrongOrMissingCredentialsFailWithoutShowingTheSecret() throws IOException {
    String target = url("1.0.0");
    Artifacts anonymous = Artifacts.forRegistries(null, true, env(null, null), progress::add);
    RegistryException none = assertThrows(RegistryException.class, () -> push(anonymous, target));
    assertEquals(401, none.status());
    Artifacts wrong =
        Artifacts.forRegistries(
            user() + ":" + password() + "-wrong", true, env(null, null), progress::add);
    RegistryException bad = assertThrows(RegistryException.class, () -> push(wrong, target));
    assertEquals(401, bad.status());
    assertNoSecret(bad);
    assertFalse(bad.getMessage().contains(password() + "-wrong"), bad.getMessage());
  }

  @Test
  void plainHttpIsUsedOnlyWithInsecure() throws IOException {
    String target = url("1.0.0");
    Artifacts secure =
        Artifacts.forRegistries(user() + ":" + password(), false, env(null, null), progress::add);
    IOException e = assertThrows(IOException.class, () -> push(secure, target));
    assertTrue(e.getMessage().contains("--insecure"), e.getMessage());
    assertNoSecret(e);
  }
}
