package dev.hoist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hoist.yaml's app kinds: {@code kind: files} with layers, cmd and labels; misplaced keys are
 * named.
 */
class AppKindsTest {
  @TempDir Path dir;

  private static final String FILES_APP =
      """
      project: shop
      registry: ghcr.io/acme
      apps:
        - name: api
          kind: files
          base: python:3.12-slim
          layers:
            - name: venv
              from: build/venv
              to: /opt/venv
              exclude: ["__pycache__", "*.pyc"]
            - from: [app, pyproject.toml]
              to: /srv
              mode: "0644"
              owner: "1000:1000"
          entrypoint: [/opt/venv/bin/python, -m, uvicorn]
          cmd: [app.main:app, --host, 0.0.0.0]
          labels: {team: payments}
          user: "1000"
      overlays: [dev]
      """;

  private ProjectConfig load(String text) throws IOException {
    return Descriptors.load(dir, text);
  }

  private String error(String text) {
    return Descriptors.error(dir, text);
  }

  @Test
  void readsAFilesApp() throws IOException {
    AppConfig api = load(FILES_APP).apps().get(0);
    assertEquals(true, api.isFiles());
    assertEquals(null, api.jar());
    assertEquals(
        List.of(
            new LayerConfig(
                "venv",
                List.of(Path.of("build/venv")),
                "/opt/venv",
                null,
                null,
                List.of("__pycache__", "*.pyc")),
            new LayerConfig(
                "layer-1",
                List.of(Path.of("app"), Path.of("pyproject.toml")),
                "/srv",
                "0644",
                "1000:1000",
                List.of())),
        api.layers());
    assertEquals(List.of("app.main:app", "--host", "0.0.0.0"), api.cmd());
    assertEquals(Map.of("team", "payments"), api.labels());
  }

  @Test
  void jvmAppsDefaultTheKind() throws IOException {
    AppConfig api =
        load(FILES_APP
                .replace("kind: files", "kind: jvm")
                .replaceAll(
                    "(?s)    layers:.*?    entrypoint", "    jar: target/classes\n    entrypoint"))
            .apps()
            .get(0);
    assertEquals("jvm", api.kind());
    assertEquals(Path.of("target/classes"), api.jar());
  }

  @Test
  void misplacedKeysAreNamed() {
    assertEquals(
        "hoist.yaml:5: apps[0].kind: 'go' is not jvm or files",
        error(FILES_APP.replace("kind: files", "kind: go")));
    assertEquals(
        "hoist.yaml:7: apps[0].layers: is for kind: files apps; this app is kind: jvm",
        error(FILES_APP.replace("kind: files", "kind: jvm")));
    assertEquals(
        "hoist.yaml:6: apps[0].jar: is for kind: jvm apps; this app is kind: files (use layers)",
        error(FILES_APP.replace("    base: python", "    jar: x.jar\n    base: python")));
    assertEquals(
        "hoist.yaml:10: apps[0].layers[0].to: 'opt/venv' is not an absolute path in the image",
        error(FILES_APP.replace("to: /opt/venv", "to: opt/venv")));
    assertEquals(
        "hoist.yaml:14: apps[0].layers[1].mode: '0999' is not an octal file mode like 0644 or 0755",
        error(FILES_APP.replace("\"0644\"", "\"0999\"")));
    assertEquals(
        "hoist.yaml:9: apps[0].layers[0].from: '../secrets' must be relative to the project and stay "
            + "inside it",
        error(FILES_APP.replace("from: build/venv", "from: ../secrets")));
    assertEquals(
        "hoist.yaml:11: apps[0].layers[0].exlude: unknown key 'exlude' (allowed: name, from, to, mode, "
            + "owner, exclude)",
        error(FILES_APP.replace("exclude: [", "exlude: [")));
  }
}
