package dev.hoist.init;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole tree {@code hoist init} writes, per kind of checkout, against golden files under {@code
 * src/test/resources/init/<case>/} ({@code -Dhoist.updateGolden=true} rewrites them).
 */
class InitGoldenTest {
  @TempDir Path dir;

  private static final Map<String, Map<String, String>> INPUTS =
      Map.of(
          "maven",
          Map.of(
              "pom.xml",
              "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId>"
                  + "<artifactId>orders</artifactId><version>1.2.0</version></project>\n"),
          "python",
          Map.of("pyproject.toml", "[project]\nname = \"billing\"\n", "main.py", "print(1)\n"),
          "node",
          Map.of("package.json", "{\"name\": \"web\", \"main\": \"server.js\"}\n"),
          "duo",
          Map.of(
              "api/requirements.txt", "fastapi\n",
              "web/package.json", "{\"name\": \"web\"}\n"));

  @ParameterizedTest
  @ValueSource(strings = {"maven", "python", "node", "duo"})
  void theTreeInitWrites(String name) throws Exception {
    Path project = dir.resolve(name);
    for (Map.Entry<String, String> input : INPUTS.get(name).entrySet()) {
      Path file = project.resolve(input.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, input.getValue());
    }
    Init.Result result = Init.run(project, "ghcr.io/acme", false, m -> {});
    Map<String, String> written = new TreeMap<>();
    for (String file : result.written()) {
      written.put(file, Files.readString(project.resolve(file)));
    }
    Path golden = RealParts.repoRoot().resolve("hoist-core/src/test/resources/init").resolve(name);
    if (Boolean.getBoolean("hoist.updateGolden")) {
      for (Map.Entry<String, String> file : written.entrySet()) {
        Path target = golden.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
      return;
    }
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.walk(golden)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        expected.put(golden.relativize(file).toString(), Files.readString(file));
      }
    }
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(written.keySet()));
    for (Map.Entry<String, String> file : expected.entrySet()) {
      assertEquals(file.getValue(), written.get(file.getKey()), name + "/" + file.getKey());
    }
  }
}
