package dev.hoist.chart;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Renders hooks too. helm-java's template returns the release manifest without hooks ({@code helm
 * template} prints both), so hoist renders a temporary copy of the chart whose templates write
 * {@code helm.sh/hook} under another key: Helm then keeps hook objects in the manifest, and the key
 * is written back in the output. The chart's own files are never modified.
 */
final class HookStaging {
  static final String HOOK = "helm.sh/hook";
  private static final String MARKER = "hoist.invalid/helm-hook";

  private HookStaging() {}

  /** A copy of {@code chartDir} in a new temporary directory (same name), hooks renamed. */
  static Path stage(Path chartDir) throws IOException {
    Path root = Files.createTempDirectory("hoist-chart-hooks-");
    Path target = root.resolve(chartDir.toAbsolutePath().normalize().getFileName().toString());
    Path source = chartDir.toAbsolutePath().normalize();
    Files.walkFileTree(
        source,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(target.resolve(source.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path to = target.resolve(source.relativize(file).toString());
            String rel = source.relativize(file).toString().replace('\\', '/');
            if (rel.startsWith("templates/") && attrs.isRegularFile()) {
              String text = Files.readString(file);
              Files.writeString(to, text.replace(HOOK, MARKER));
            } else if (attrs.isRegularFile()) {
              Files.copy(file, to);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return target;
  }

  /** Helm's output of a staged chart, with the hook annotations written back. */
  static String restore(String rendered) {
    return rendered.replace(MARKER, HOOK);
  }

  /** Removes what {@link #stage} made. */
  static void remove(Path staged) throws IOException {
    Path root = staged.getParent();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
