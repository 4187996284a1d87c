package dev.hoist.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No engine is said in one line, at once (the answer is bounded by a one-second limit). */
class DockerEngineTest {
  @TempDir Path dir;

  @Test
  void noDockerOnPath() {
    assertEquals(
        Optional.of("docker: not on PATH"), DockerEngine.problem(Map.of("PATH", dir.toString())));
  }

  @Test
  void anEngineThatIsNotThereIsNamedWithTheClientsOwnWords() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock"));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        DockerEngine.onPath("docker", env).isPresent(), "the docker client is not on PATH here");
    Optional<String> problem = DockerEngine.problem(env);
    assertTrue(problem.isPresent());
    assertTrue(problem.get().contains("no-engine.sock"), problem.get());
  }
}
