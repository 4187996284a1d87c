package dev.hoist.lint;

import dev.hoist.config.AppConfig;
import dev.hoist.config.LayerConfig;
import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code .env} files in what hoist packs: the overlay tree (base and overlays) and the directories
 * the apps' images are built from (classes, class path and layer directories).
 */
final class EnvFiles extends ProjectRule {
  EnvFiles() {
    super(
        "env-file",
        Severity.ERROR,
        "a .env file lies in what hoist packs into an image or the manifests",
        "A .env file holds one machine's settings and often its secrets: packed into an image it"
            + " bakes a localhost URL or a password into every environment (the .env.local"
            + " incident); in the overlay tree the artifact leaves it out, so the cluster renders"
            + " something else than the checkout did.",
        "Delete it from the packed directories (keep local settings outside the build output and"
            + " the kustomize tree); for configuration use a configMapGenerator with literals or"
            + " a file named for what it is, for secrets SOPS or an ExternalSecret.");
  }

  @Override
  public List<Finding> checkProject(ProjectConfig config, List<LintedOverlay> overlays) {
    Set<Path> dirs = new LinkedHashSet<>();
    dirs.add(config.root().resolve("base"));
    for (OverlayConfig overlay : config.overlays()) {
      dirs.add(config.root().resolve(overlay.dir()));
    }
    for (AppConfig app : config.apps()) {
      if (app.jar() != null) {
        dirs.add(config.root().resolve(app.jar()));
      }
      app.classpath().forEach(p -> dirs.add(config.root().resolve(p)));
      for (LayerConfig layer : app.layers()) {
        layer.from().forEach(p -> dirs.add(config.root().resolve(p)));
      }
    }
    Set<Path> found = new LinkedHashSet<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files
            .filter(Files::isRegularFile)
            .filter(f -> isEnvFile(f.getFileName().toString()))
            .sorted()
            .forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Path file : found) {
      String shown = config.root().relativize(file.toAbsolutePath().normalize()).toString();
      out.add(
          new Finding(
              id(),
              severity(),
              "",
              shown,
              0,
              "file " + shown,
              "a .env file in a packed directory"));
    }
    return out;
  }

  private static boolean isEnvFile(String name) {
    return name.equals(".env") || name.startsWith(".env.");
  }
}
