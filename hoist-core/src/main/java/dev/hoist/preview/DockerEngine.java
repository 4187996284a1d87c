package dev.hoist.preview;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether a Docker engine answers, asked with {@code docker version} (the client's own view of
 * {@code DOCKER_HOST} and contexts) and given one second: a preview needs the engine for kind and
 * its registry, and says so at once when there is none.
 */
public final class DockerEngine {
  /** How long the engine may take to answer. */
  static final long TIMEOUT_MILLIS = 1000;

  private DockerEngine() {}

  /**
   * Empty when the engine answers; otherwise why not, in one line ({@code docker: not on PATH},
   * {@code Cannot connect to the Docker daemon at unix:///var/run/docker.sock…}, {@code no answer
   * within 1 s}).
   */
  public static Optional<String> problem(Map<String, String> env) {
    Optional<Path> docker = onPath("docker", env);
    if (docker.isEmpty()) {
      return Optional.of("docker: not on PATH");
    }
    Path err = null;
    try {
      err = Files.createTempFile("hoist-docker", ".err");
      ProcessBuilder pb =
          new ProcessBuilder(docker.get().toString(), "version", "--format", "{{.Server.Version}}")
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(err.toFile());
      pb.environment().clear();
      pb.environment().putAll(env);
      Process process = pb.start();
      if (!process.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return Optional.of("no answer within " + TIMEOUT_MILLIS / 1000 + " s");
      }
      if (process.exitValue() == 0) {
        return Optional.empty();
      }
      String message =
          Files.readString(err, StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty())
              .reduce((a, b) -> b)
              .orElse("exit " + process.exitValue());
      return Optional.of(message);
    } catch (IOException e) {
      return Optional.of("docker: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    } finally {
      if (err != null) {
        err.toFile().delete();
      }
    }
  }

  static Optional<Path> onPath(String program, Map<String, String> env) {
    String path = env.getOrDefault("PATH", "");
    for (String dir : List.of(path.split(java.io.File.pathSeparator, -1))) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
