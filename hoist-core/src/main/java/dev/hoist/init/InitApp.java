package dev.hoist.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An app {@code hoist init} found: a Maven jar module, a Python project ({@code pyproject.toml} or
 * {@code requirements.txt}) or a Node package ({@code package.json}), in the checkout's root or a
 * directory below it (a repository of several apps). It knows its hoist.yaml entry and the CI
 * commands that build what that entry packs.
 *
 * @param name the app's name (a DNS label)
 * @param kind {@code maven}, {@code python} or {@code node}
 * @param dir its directory relative to the checkout ("" for the root)
 * @param entry its {@code apps[]} entry in hoist.yaml (indented as a list item)
 * @param build the shell command CI runs so that the entry's inputs exist
 */
record InitApp(String name, String kind, String dir, String entry, String build) {
  private static final Set<String> SKIPPED =
      Set.of("base", "overlays", "flux", "deploy", "manifests", "node_modules", "target", "src");
  private static final Pattern TOML_NAME = Pattern.compile("(?m)^name\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern JSON_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern JSON_MAIN = Pattern.compile("\"main\"\\s*:\\s*\"([^\"]+)\"");

  /** The apps of the checkout in {@code root}: Maven modules, then Python and Node projects. */
  static List<InitApp> find(Path root) throws IOException {
    List<InitApp> out = new ArrayList<>();
    for (MavenApp app : MavenApp.find(root)) {
      out.add(maven(app));
    }
    List<String> dirs = new ArrayList<>();
    dirs.add("");
    try (Stream<Path> children = Files.list(root)) {
      children
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith(".") && !SKIPPED.contains(n))
          .sorted()
          .forEach(dirs::add);
    }
    for (String dir : dirs) {
      Path at = root.resolve(dir);
      if (Files.isRegularFile(at.resolve("pom.xml"))) {
        continue; // Maven, above
      }
      if (Files.isRegularFile(at.resolve("pyproject.toml"))
          || Files.isRegularFile(at.resolve("requirements.txt"))) {
        out.add(python(root, dir));
      } else if (Files.isRegularFile(at.resolve("package.json"))) {
        out.add(node(root, dir));
      }
    }
    return out;
  }

  private static InitApp maven(MavenApp app) {
    String deps = (app.dir().isEmpty() ? "" : app.dir() + "/") + "target/dependency";
    String entry =
        "  - name: "
            + app.name()
            + "\n    jar: "
            + app.jar()
            + "   # mvn package writes it\n    classpath: ["
            + deps
            + "]   # mvn dependency:copy-dependencies\n    base: eclipse-temurin:17-jre\n"
            + "    ports: [8080]\n    user: \"65532\"\n";
    return new InitApp(
        app.name(),
        "maven",
        app.dir(),
        entry,
        "mvn -B verify dependency:copy-dependencies -DincludeScope=runtime");
  }

  private static InitApp python(Path root, String dir) throws IOException {
    Path at = root.resolve(dir);
    String name = name(read(at.resolve("pyproject.toml")), TOML_NAME, root, dir);
    String prefix = dir.isEmpty() ? "" : dir + "/";
    String entryPoint = Files.isRegularFile(at.resolve("main.py")) ? "main.py" : null;
    String cmd =
        entryPoint != null
            ? "[main.py]"
            : "[-m, " + name.replace('-', '_') + "]   # the module that starts the app";
    String install =
        Files.isRegularFile(at.resolve("requirements.txt"))
            ? ".venv/bin/pip install -r requirements.txt"
            : ".venv/bin/pip install .";
    String entry =
        "  - name: "
            + name
            + "\n    kind: files\n    base: python:3.12-slim\n    layers:\n"
            + "      - name: venv                 # the dependencies: a layer of their own\n"
            + "        from: "
            + prefix
            + ".venv/lib/python3.12/site-packages\n        to: /opt/venv/site-packages\n"
            + "        exclude: [\"__pycache__\", \"*.pyc\"]\n"
            + "      - name: app\n        from: ["
            + (dir.isEmpty() ? "." : dir)
            + "]\n        to: /srv\n        exclude: [.venv, \"__pycache__\", \"*.pyc\", tests, .git"
            + (dir.isEmpty() ? ", .github, base, overlays, flux, hoist.yaml" : "")
            + "]\n"
            + "    entrypoint: [python3]\n    cmd: "
            + cmd
            + "\n    env: {PYTHONPATH: /opt/venv/site-packages, PORT: \"8080\"}\n"
            + "    workingDir: /srv\n    ports: [8080]\n    user: \"65532\"\n";
    String build =
        (dir.isEmpty() ? "" : "cd " + dir + " && ") + "python3.12 -m venv .venv && " + install;
    return new InitApp(name, "python", dir, entry, build);
  }

  private static InitApp node(Path root, String dir) throws IOException {
    Path at = root.resolve(dir);
    String json = read(at.resolve("package.json"));
    String name = name(json, JSON_NAME, root, dir);
    Matcher main = JSON_MAIN.matcher(json);
    String start = main.find() ? main.group(1) : "index.js";
    String entry =
        "  - name: "
            + name
            + "\n    kind: files\n    base: node:22-slim\n    layers:\n"
            + "      - name: modules              # the dependencies: a layer of their own\n"
            + "        from: "
            + (dir.isEmpty() ? "" : dir + "/")
            + "node_modules\n        to: /srv/node_modules\n"
            + "      - name: app\n        from: ["
            + (dir.isEmpty() ? "." : dir)
            + "]\n        to: /srv\n        exclude: [node_modules, test, .git"
            + (dir.isEmpty() ? ", .github, base, overlays, flux, hoist.yaml" : "")
            + "]\n"
            + "    entrypoint: [node]\n    cmd: ["
            + start
            + "]\n    env: {NODE_ENV: production, PORT: \"8080\"}\n"
            + "    workingDir: /srv\n    ports: [8080]\n    user: \"65532\"\n";
    String build = (dir.isEmpty() ? "" : "cd " + dir + " && ") + "npm ci --omit=dev";
    return new InitApp(name, "node", dir, entry, build);
  }

  private static String read(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  /** The project's own name, else its directory's (the checkout's for the root), as a label. */
  private static String name(String text, Pattern pattern, Path root, String dir) {
    Matcher m = pattern.matcher(text);
    String raw =
        m.find()
            ? m.group(1)
            : dir.isEmpty() ? root.getFileName().toString() : Path.of(dir).getFileName().toString();
    raw = raw.replaceFirst("^@[^/]+/", ""); // an npm scope
    String label =
        raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    return label.isEmpty() ? "app" : label;
  }
}
