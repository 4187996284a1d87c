package dev.hoist.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.testing.RealParts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package map of docs/ARCHITECTURE.md true: every reference from one top-level package of
 * {@code dev.hoist} to another must be an arrow written down here (and there), the map has no
 * cycle, and each module holds only its own packages (the CLI module the command line, hoist-core
 * every engine).
 */
class PackageMapTest {
  /** The arrows of docs/ARCHITECTURE.md: package → packages it may use. */
  static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          // the Maven plugin: a thin front end over the public facade only
          Map.entry("maven", Set.of("api")),
          Map.entry(
              "cli",
              Set.of(
                  "api",
                  "chart",
                  "sbom",
                  "init",
                  "diff",
                  "lint",
                  "preview",
                  "sign",
                  "release",
                  "clusters",
                  "manifests",
                  "artifact",
                  "images",
                  "validate",
                  "overlay",
                  "kustomize",
                  "config",
                  "git",
                  "oci",
                  "files",
                  "run")),
          Map.entry(
              "release",
              Set.of(
                  "chart",
                  "sbom",
                  "lint",
                  "sign",
                  "artifact",
                  "clusters",
                  "config",
                  "flux",
                  "git",
                  "image",
                  "images",
                  "overlay",
                  "kustomize",
                  "validate",
                  "yaml",
                  "oci",
                  "files",
                  "run")),
          Map.entry(
              "api",
              Set.of(
                  "sign",
                  "release",
                  "images",
                  "artifact",
                  "clusters",
                  "manifests",
                  "kustomize",
                  "validate",
                  "config",
                  "git",
                  "oci",
                  "files",
                  "yaml",
                  "run")),
          Map.entry(
              "preview",
              Set.of(
                  "artifact",
                  "clusters",
                  "config",
                  "flux",
                  "git",
                  "images",
                  "kustomize",
                  "overlay",
                  "oci",
                  "yaml",
                  "files",
                  "run")),
          Map.entry("init", Set.of("config", "run")),
          Map.entry(
              "diff",
              Set.of("artifact", "config", "git", "kustomize", "oci", "yaml", "files", "run")),
          Map.entry("sbom", Set.of("oci", "tar")),
          Map.entry(
              "chart",
              Set.of(
                  "artifact",
                  "clusters",
                  "config",
                  "git",
                  "oci",
                  "sign",
                  "tar",
                  "validate",
                  "yaml",
                  "run")),
          Map.entry("sign", Set.of("oci", "run")),
          Map.entry("lint", Set.of("chart", "config", "kustomize", "validate", "yaml", "run")),
          Map.entry("clusters", Set.of("config", "flux", "yaml", "run")),
          Map.entry("manifests", Set.of("config", "kustomize", "validate", "files", "run")),
          Map.entry(
              "images",
              Set.of(
                  "config",
                  "git",
                  "image",
                  "artifact",
                  "sbom",
                  "sign",
                  "oci",
                  "yaml",
                  "files",
                  "run")),
          Map.entry("artifact", Set.of("git", "oci", "tar", "run")),
          Map.entry("image", Set.of("oci", "tar", "run")),
          Map.entry("overlay", Set.of("oci", "yaml", "files")),
          Map.entry("kustomize", Set.of("yaml", "run")),
          Map.entry("flux", Set.of("oci", "yaml", "files")),
          Map.entry("validate", Set.of("yaml", "run")),
          Map.entry("config", Set.of("yaml", "git")),
          Map.entry("git", Set.of()),
          Map.entry("oci", Set.of()),
          Map.entry("tar", Set.of()),
          Map.entry("files", Set.of()),
          Map.entry("run", Set.of()),
          Map.entry("yaml", Set.of()));

  private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.hoist\\.([a-z]+)\\b");

  /**
   * The packages each module may hold: the CLI module holds only the command line, the Maven plugin
   * only its goals, the core every engine.
   */
  static final Map<String, Set<String>> MODULES =
      Map.of(
          "hoist-cli", Set.of("cli"),
          "hoist-maven-plugin", Set.of("maven"),
          "hoist-example", Set.of("example"));

  /** Every module's main sources: module → (top-level package → packages it references). */
  static Map<String, Map<String, Set<String>>> actual() throws IOException {
    Map<String, Map<String, Set<String>>> modules = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(RealParts.repoRoot())) {
      for (Path module :
          (Iterable<Path>)
              dirs.filter(d -> Files.isDirectory(d.resolve("src/main/java")))::iterator) {
        modules.put(
            module.getFileName().toString(), packages(module.resolve("src/main/java/dev/hoist")));
      }
    }
    return modules;
  }

  private static Map<String, Set<String>> packages(Path main) throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    if (!Files.isDirectory(main)) {
      return graph;
    }
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        String pkg = main.relativize(file).getName(0).toString();
        Matcher m = REFERENCE.matcher(Files.readString(file));
        Set<String> uses = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            uses.add(m.group(1));
          }
        }
      }
    }
    return graph;
  }

  @Test
  void eachModuleHoldsItsOwnPackages() throws IOException {
    List<String> misplaced = new ArrayList<>();
    Map<String, Map<String, Set<String>>> modules = actual();
    assertTrue(
        modules.containsKey("hoist-core") && modules.containsKey("hoist-cli"),
        "modules found: " + modules.keySet());
    modules.forEach(
        (module, packages) ->
            packages
                .keySet()
                .forEach(
                    pkg -> {
                      Set<String> own = MODULES.get(module);
                      boolean ok =
                          own != null
                              ? own.contains(pkg)
                              : MODULES.values().stream().noneMatch(s -> s.contains(pkg));
                      if (!ok) {
                        misplaced.add(module + ": " + pkg);
                      }
                    }));
    assertEquals(
        List.of(), misplaced, "engine code belongs in hoist-core, command-line code in hoist-cli");
  }

  @Test
  void everyPackageUsesOnlyWhatTheMapAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    Map<String, Set<String>> all = new TreeMap<>();
    actual()
        .forEach(
            (module, packages) ->
                packages.forEach(
                    (pkg, uses) -> {
                      if (!pkg.equals("example")) {
                        all.computeIfAbsent(pkg, k -> new TreeSet<>()).addAll(uses);
                      }
                    }));
    all.forEach(
        (pkg, uses) -> {
          Set<String> allowed = ALLOWED.get(pkg);
          if (allowed == null) {
            violations.add(pkg + " is not on the map");
            return;
          }
          uses.stream()
              .filter(u -> !allowed.contains(u))
              .forEach(u -> violations.add(pkg + " -> " + u));
        });
    assertEquals(
        List.of(),
        violations,
        "arrows missing from docs/ARCHITECTURE.md and PackageMapTest.ALLOWED");
  }

  @Test
  void theMapHasNoCycle() {
    for (String start : ALLOWED.keySet()) {
      assertTrue(!reaches(start, start, new TreeSet<>()), "cycle through " + start);
    }
  }

  private static boolean reaches(String from, String target, Set<String> seen) {
    for (String next : ALLOWED.getOrDefault(from, Set.of())) {
      if (next.equals(target) || (seen.add(next) && reaches(next, target, seen))) {
        return true;
      }
    }
    return false;
  }
}
