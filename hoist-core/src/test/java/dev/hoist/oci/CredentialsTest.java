package dev.hoist.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CredentialsTest {
  @TempDir Path dir;

  private static Optional<Credentials.Basic> basic(String user, String password) {
    return Optional.of(new Credentials.Basic(user, password));
  }

  private Map<String, String> env(String configJson) throws IOException {
    Files.writeString(dir.resolve("config.json"), configJson);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path helper = bin.resolve("docker-credential-fake");
    Files.writeString(
        helper,
        """
        #!/bin/sh
        [ "$1" = get ] || exit 3
        read url
        case "$url" in
          ghcr.io) echo '{"ServerURL":"ghcr.io","Username":"helper-user","Secret":"helper-secret"}' ;;
          https://index.docker.io/v1/) echo '{"Username":"hub-user","Secret":"hub-secret"}' ;;
          *) echo 'credentials not found in native keychain'; exit 1 ;;
        esac
        """);
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
    return Map.of("DOCKER_CONFIG", dir.toString(), "PATH", bin + ":/usr/bin:/bin");
  }

  @Test
  void explicitUserAndPassword() throws IOException {
    assertEquals(
        basic("u", "p:with:colons"), Credentials.explicit("u:p:with:colons").find("any.io"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Credentials.explicit("nopass"));
    assertEquals("invalid credentials: expected user:password", e.getMessage());
    assertEquals(Optional.empty(), Credentials.explicit("u:p").onlyFor("ghcr.io").find("quay.io"));
    assertEquals(basic("u", "p"), Credentials.explicit("u:p").onlyFor("ghcr.io").find("ghcr.io"));
  }

  @Test
  void dockerConfigAuths() throws IOException {
    String auth =
        Base64.getEncoder().encodeToString("hubby:hub-pw".getBytes(StandardCharsets.UTF_8));
    Credentials creds =
        Credentials.dockerConfig(
            env(
                "{\"auths\":{"
                    + "\"https://index.docker.io/v1/\":{\"auth\":\""
                    + auth
                    + "\"},"
                    + "\"127.0.0.1:5000\":{\"username\":\"local\",\"password\":\"local-pw\"},"
                    + "\"http://reg.example:8443/v2/\":{\"auth\":\""
                    + Base64.getEncoder().encodeToString("r:r-pw".getBytes(StandardCharsets.UTF_8))
                    + "\"},"
                    + "\"empty.example\":{}}}"));
    assertEquals(basic("hubby", "hub-pw"), creds.find("docker.io"));
    assertEquals(basic("local", "local-pw"), creds.find("127.0.0.1:5000"));
    assertEquals(basic("r", "r-pw"), creds.find("reg.example:8443"));
    assertEquals(Optional.empty(), creds.find("empty.example"));
    assertEquals(Optional.empty(), creds.find("127.0.0.1:5001"));
  }

  @Test
  void credHelpersThenCredsStoreThenAuths() throws IOException {
    Credentials creds =
        Credentials.dockerConfig(
            env(
                "{\"credHelpers\":{\"ghcr.io\":\"fake\"},"
                    + "\"credsStore\":\"fake\",\"auths\":{\"quay.io\":{\"username\":\"q\",\"password\":\"q-pw\"}}}"));
    assertEquals(basic("helper-user", "helper-secret"), creds.find("ghcr.io"));
    assertEquals(basic("hub-user", "hub-secret"), creds.find("docker.io"));
    assertEquals(basic("q", "q-pw"), creds.find("quay.io")); // the store has none: auths
    assertEquals(Optional.empty(), creds.find("other.io"));
  }

  @Test
  void missingHelperIsNamed() throws IOException {
    Credentials creds = Credentials.dockerConfig(env("{\"credHelpers\":{\"ghcr.io\":\"absent\"}}"));
    IOException e = assertThrows(IOException.class, () -> creds.find("ghcr.io"));
    assertEquals(
        "credential helper docker-credential-absent (named in the Docker config) is not on PATH",
        e.getMessage());
  }

  @Test
  void aTruncatedConfigIsOneLineNamingTheFile() throws IOException {
    Credentials creds = Credentials.dockerConfig(env("{\"auths\": {\"ghcr.io\": {\"auth\""));
    CredentialException e = assertThrows(CredentialException.class, () -> creds.find("ghcr.io"));
    assertEquals(dir.resolve("config.json") + ": not valid JSON (line 1)", e.getMessage());
  }

  private Map<String, String> withHelper(String script, String timeout) throws IOException {
    Map<String, String> env = new java.util.HashMap<>(env("{\"credsStore\":\"bad\"}"));
    Path helper = dir.resolve("bin/docker-credential-bad");
    Files.writeString(helper, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
    env.put("HOIST_CREDENTIAL_HELPER_TIMEOUT", timeout);
    return env;
  }

  @Test
  void aFailingHelperIsNamedWithItsStderrNeverItsStdout() throws IOException {
    Credentials creds =
        Credentials.dockerConfig(
            withHelper("echo 'sentinel-S3CRET'; echo 'keyring locked' >&2; exit 1", "10"));
    CredentialException e = assertThrows(CredentialException.class, () -> creds.find("ghcr.io"));
    assertEquals(
        "docker-credential-bad get failed for ghcr.io (exit 1): keyring locked", e.getMessage());
  }

  @Test
  void aHangingHelperIsKilledAfterItsTimeout() throws IOException {
    Credentials creds = Credentials.dockerConfig(withHelper("exec sleep 60", "1"));
    long start = System.nanoTime();
    CredentialException e = assertThrows(CredentialException.class, () -> creds.find("ghcr.io"));
    assertTrue(e.getMessage().contains("did not finish within 1 s; killed"), e.getMessage());
    assertTrue(System.nanoTime() - start < 20_000_000_000L);
  }

  @Test
  void aCredentialProblemIsNeverRetried() throws IOException {
    Credentials creds = Credentials.dockerConfig(env("{\"auths\": {"));
    java.util.List<java.time.Duration> sleeps = new java.util.ArrayList<>();
    try (TestServer server =
        new TestServer(
            (ex, n) -> TestServer.send(ex, 401, "", "WWW-Authenticate", "Basic realm=\"r\""))) {
      RegistryRepository repo =
          TestServer.client(sleeps).credentials(creds).build().repository(server.registry() + "/a");
      assertThrows(CredentialException.class, () -> repo.resolve("1.0.0"));
      assertEquals(java.util.List.of(), sleeps);
      assertTrue(server.lines().size() <= 1, server.lines().toString());
    }
  }

  @Test
  void missingConfigMeansNoCredentials() throws IOException {
    Credentials creds = Credentials.dockerConfig(Map.of("HOME", dir.resolve("nohome").toString()));
    assertEquals(Optional.empty(), creds.find("ghcr.io"));
  }

  @Test
  void githubTokenForGhcrOnlyAndTheChainOrder() throws IOException {
    Map<String, String> env =
        Map.of("GITHUB_TOKEN", "gh-token", "HOME", dir.resolve("nohome").toString());
    assertEquals(basic("hoist", "gh-token"), Credentials.githubToken(env).find("ghcr.io"));
    assertEquals(Optional.empty(), Credentials.githubToken(env).find("quay.io"));
    assertEquals(basic("hoist", "gh-token"), Credentials.defaults(null, env).find("ghcr.io"));
    assertEquals(basic("me", "pw"), Credentials.defaults("me:pw", env).find("ghcr.io"));
    Map<String, String> withConfig =
        new java.util.HashMap<>(
            env("{\"auths\":{\"ghcr.io\":{\"username\":\"cfg\",\"password\":\"cfg-pw\"}}}"));
    withConfig.put("GITHUB_TOKEN", "gh-token");
    assertEquals(basic("cfg", "cfg-pw"), Credentials.defaults(null, withConfig).find("ghcr.io"));
  }

  @Test
  void challengesParse() {
    Challenge bearer =
        Challenge.parse(
            "Bearer realm=\"https://auth.example/token\",service=\"reg\",scope=\"repository:a/b:pull,push\"");
    assertEquals(
        new Challenge(
            "bearer",
            Map.of(
                "realm",
                "https://auth.example/token",
                "service",
                "reg",
                "scope",
                "repository:a/b:pull,push")),
        bearer);
    assertEquals(
        new Challenge("basic", Map.of("realm", "x y")), Challenge.parse("Basic realm=\"x y\""));
    assertEquals(
        Optional.of(bearer),
        Challenge.select(
            java.util.List.of(
                "Basic realm=\"r\"",
                "Bearer realm=\"https://auth.example/token\",service=\"reg\",scope=\"repository:a/b:pull,push\"")));
    assertEquals(Optional.empty(), Challenge.select(java.util.List.of("Negotiate abc")));
  }
}
