package dev.hoist.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.config.AppConfig;
import dev.hoist.config.ConfigLoader;
import dev.hoist.config.ProjectConfig;
import dev.hoist.lint.Lint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hoist init for Python and Node apps, alone and side by side in one repository. */
class InitAppsTest {
  @TempDir Path dir;

  private void write(String path, String content) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private ProjectConfig init() throws Exception {
    Init.Result result = Init.run(dir, "ghcr.io/acme", false, m -> {});
    assertTrue(result.written().contains("hoist.yaml"), result.toString());
    // a second run changes nothing
    assertEquals(List.of(), Init.run(dir, "ghcr.io/acme", false, m -> {}).written());
    ProjectConfig config = ConfigLoader.load(dir.resolve("hoist.yaml"));
    assertEquals(List.of(), Lint.run(config, List.of()).findings(), "lint-clean out of the box");
    return config;
  }

  @Test
  void aTwoAppRepositoryOfPythonAndNode() throws Exception {
    write("api/requirements.txt", "fastapi==0.115.0\n");
    write("api/main.py", "print('api')\n");
    write("web/package.json", "{\"name\": \"@acme/web\", \"main\": \"server.js\"}\n");
    ProjectConfig config = init();
    String yaml = Files.readString(dir.resolve("hoist.yaml"));
    String apps = yaml.substring(yaml.indexOf("apps:\n"), yaml.indexOf("\noverlays:"));
    assertEquals(
        """
        apps:
          - name: api
            kind: files
            base: python:3.12-slim
            layers:
              - name: venv                 # the dependencies: a layer of their own
                from: api/.venv/lib/python3.12/site-packages
                to: /opt/venv/site-packages
                exclude: ["__pycache__", "*.pyc"]
              - name: app
                from: [api]
                to: /srv
                exclude: [.venv, "__pycache__", "*.pyc", tests, .git]
            entrypoint: [python3]
            cmd: [main.py]
            env: {PYTHONPATH: /opt/venv/site-packages, PORT: "8080"}
            workingDir: /srv
            ports: [8080]
            user: "65532"
          - name: web
            kind: files
            base: node:22-slim
            layers:
              - name: modules              # the dependencies: a layer of their own
                from: web/node_modules
                to: /srv/node_modules
              - name: app
                from: [web]
                to: /srv
                exclude: [node_modules, test, .git]
            entrypoint: [node]
            cmd: [server.js]
            env: {NODE_ENV: production, PORT: "8080"}
            workingDir: /srv
            ports: [8080]
            user: "65532"
        """,
        apps);
    assertEquals(
        List.of(AppConfig.FILES, AppConfig.FILES),
        config.apps().stream().map(AppConfig::kind).toList());
    String ci = Files.readString(dir.resolve(".github/workflows/ci.yml"));
    assertTrue(
        ci.contains(
            "      - run: cd api && python3.12 -m venv .venv && .venv/bin/pip install -r"
                + " requirements.txt\n      - run: cd web && npm ci --omit=dev\n"
                + "      - run: hoist lint\n"),
        ci);
    assertTrue(Files.isRegularFile(dir.resolve("base/api.yaml")));
    assertTrue(Files.isRegularFile(dir.resolve("base/web.yaml")));
  }

  @Test
  void aPythonProjectInTheRootNamedByItsPyproject() throws Exception {
    write("pyproject.toml", "[project]\nname = \"Billing_API\"\nversion = \"1.0\"\n");
    ProjectConfig config = init();
    assertEquals("billing-api", config.apps().get(0).name());
    String yaml = Files.readString(dir.resolve("hoist.yaml"));
    assertTrue(
        yaml.contains("    cmd: [-m, billing_api]   # the module that starts the app\n"), yaml);
    assertTrue(
        yaml.contains(
            "exclude: [.venv, \"__pycache__\", \"*.pyc\", tests, .git, .github, base, overlays,"
                + " flux, hoist.yaml]"),
        yaml);
    String release = Files.readString(dir.resolve(".github/workflows/release.yml"));
    assertTrue(
        release.contains("      - run: python3.12 -m venv .venv && .venv/bin/pip install .\n"));
  }

  @Test
  void nothingToInitIsOneLine() {
    dev.hoist.run.HoistException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.hoist.run.HoistException.class,
            () -> Init.run(dir, "ghcr.io/acme", false, m -> {}));
    assertTrue(e.getMessage().endsWith("here or one directory down)"), e.getMessage());
  }
}
