package dev.hoist.oci;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code docker-credential-<name> get} with the server URL on stdin and reads Username/Secret.
 */
final class CredentialHelper {
  /** How long a helper may run before it is killed (a helper waiting for a keyring prompt). */
  static final long TIMEOUT_SECONDS = 10;

  private CredentialHelper() {}

  static Optional<Credentials.Basic> get(String name, String serverUrl, Map<String, String> env)
      throws IOException {
    String program = "docker-credential-" + name;
    Path executable =
        find(program, env.get("PATH"))
            .orElseThrow(
                () ->
                    new CredentialException(
                        "credential helper "
                            + program
                            + " (named in the Docker config) is not on PATH"));
    Path out = Files.createTempFile("hoist-cred", ".out");
    Path err = Files.createTempFile("hoist-cred", ".err");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(executable.toString(), "get")
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      pb.environment().clear();
      pb.environment().putAll(env);
      Process process = pb.start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // the helper exited without reading its input (a broken pipe): its exit status and stderr
        // below say why
      }
      long timeout = timeoutSeconds(env);
      if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new CredentialException(
            program
                + " get did not finish within "
                + timeout
                + " s; killed (HOIST_CREDENTIAL_HELPER_TIMEOUT sets the limit in seconds)");
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        // stdout may hold a secret: only stderr is shown, cut to one line
        String message = ErrorBody.oneLine(Files.readString(err, StandardCharsets.UTF_8));
        if ((stdout + " " + message)
            .toLowerCase(java.util.Locale.ROOT)
            .contains("credentials not found")) {
          return Optional.empty();
        }
        throw new CredentialException(
            program
                + " get failed for "
                + serverUrl
                + " (exit "
                + process.exitValue()
                + "): "
                + message);
      }
      JsonNode json = OciJson.MAPPER.readTree(stdout);
      String user = json == null ? "" : json.path("Username").asText("");
      String secret = json == null ? "" : json.path("Secret").asText("");
      return user.isEmpty() || secret.isEmpty()
          ? Optional.empty()
          : Optional.of(new Credentials.Basic(user, secret));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while running " + program);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CredentialException(program + " get printed something that is not JSON");
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static long timeoutSeconds(Map<String, String> env) throws CredentialException {
    String value = env.get("HOIST_CREDENTIAL_HELPER_TIMEOUT");
    if (value == null || value.isBlank()) {
      return TIMEOUT_SECONDS;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      if (seconds > 0) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CredentialException(
        "HOIST_CREDENTIAL_HELPER_TIMEOUT="
            + value
            + ": expected a whole number of seconds above 0");
  }

  static Optional<Path> find(String program, String path) {
    if (path != null) {
      for (String dir : path.split(File.pathSeparator, -1)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
          return Optional.of(Path.of(dir, program));
        }
      }
    }
    return Optional.empty();
  }
}
