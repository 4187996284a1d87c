package dev.hoist.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@code dev.hoist} to another must be an arrow written down here (and there), and the map has no cycle.
 */
class PackageMapTest {
  /** The arrows of docs/ARCHITECTURE.md: package → packages it may use. */
  static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("cli", Set.of("release", "clusters", "manifests", "artifact", "images", "validate", "overlay",
          "kustomize", "config", "git", "oci", "files", "run")),
      Map.entry("release", Set.of("artifact", "clusters", "config", "flux", "git", "image", "images", "overlay",
          "kustomize", "oci", "files", "run")),
      Map.entry("clusters", Set.of("config", "flux", "run")),
      Map.entry("manifests", Set.of("config", "kustomize", "files", "run")),
      Map.entry("images", Set.of("config", "git", "image", "oci", "run")),
      Map.entry("artifact", Set.of("git", "oci", "tar", "run")),
      Map.entry("image", Set.of("oci", "tar", "run")),
      Map.entry("overlay", Set.of("oci", "yaml", "files")),
      Map.entry("kustomize", Set.of("yaml", "run")),
      Map.entry("flux", Set.of("oci", "yaml", "files")),
      Map.entry("validate", Set.of("yaml", "run")),
      Map.entry("config", Set.of("yaml")),
      Map.entry("git", Set.of()),
      Map.entry("oci", Set.of()),
      Map.entry("tar", Set.of()),
      Map.entry("files", Set.of()),
      Map.entry("run", Set.of()),
      Map.entry("yaml", Set.of()));

  private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.hoist\\.([a-z]+)\\b");

  static Map<String, Set<String>> actual() throws IOException {
    Path main = Path.of("src/main/java/dev/hoist");
    Map<String, Set<String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        String pkg = main.relativize(file).getName(0).toString();
        if (pkg.equals("example")) {
          continue;
        }
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
  void everyPackageUsesOnlyWhatTheMapAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    actual().forEach((pkg, uses) -> {
      Set<String> allowed = ALLOWED.get(pkg);
      if (allowed == null) {
        violations.add(pkg + " is not on the map");
        return;
      }
      uses.stream().filter(u -> !allowed.contains(u)).forEach(u -> violations.add(pkg + " -> " + u));
    });
    assertEquals(List.of(), violations, "arrows missing from docs/ARCHITECTURE.md and PackageMapTest.ALLOWED");
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
