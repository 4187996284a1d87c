package dev.hoist.init;

import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code hoist init}: looks at the checkout (the root module or each jar module of a Maven build;
 * Python and Node projects in the root or one directory down) and writes what is missing:
 * hoist.yaml, {@code base/}, the overlays and the GitHub workflows. Existing files are never
 * overwritten, unless {@code force}, which prints a diff of each first; a second run changes
 * nothing.
 */
public final class Init {
  private Init() {}

  /** What was written, and what was left because it exists (or is unchanged). */
  public record Result(List<String> written, List<String> kept) {}

  public static Result run(Path dir, String registry, boolean force, Consumer<String> progress)
      throws IOException {
    dir = dir.toAbsolutePath().normalize();
    List<InitApp> apps = InitApp.find(dir);
    if (apps.isEmpty()) {
      throw new HoistException(
          ExitCode.CONFIG,
          dir
              + ": no app found (hoist init knows Maven jar modules, Python projects with"
              + " pyproject.toml or requirements.txt and Node packages with package.json, here or"
              + " one directory down)");
    }
    if (apps.stream().map(InitApp::name).distinct().count() != apps.size()) {
      throw new HoistException(
          ExitCode.CONFIG,
          dir + ": two apps would have one name: " + apps.stream().map(InitApp::name).toList());
    }
    String name = dir.getFileName().toString();
    String project = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    String target = registry != null ? registry : Remotes.ghcr(dir);
    if (target == null) {
      throw new HoistException(
          ExitCode.USAGE,
          "--registry is required (no github.com remote to derive ghcr.io/<owner> from)");
    }
    if (!dev.hoist.config.RegistryPrefix.valid(target)) {
      throw new HoistException(ExitCode.USAGE, dev.hoist.config.RegistryPrefix.problem(target));
    }
    List<String> written = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (Map.Entry<String, String> file : InitFiles.render(project, target, apps).entrySet()) {
      Path path = dir.resolve(file.getKey());
      if (Files.exists(path)) {
        String old = Files.readString(path, StandardCharsets.UTF_8);
        if (!force || old.equals(file.getValue())) {
          kept.add(file.getKey());
          continue;
        }
        progress.accept(LineDiff.of(file.getKey(), old, file.getValue()));
      }
      write(path, file.getValue());
      written.add(file.getKey());
      progress.accept("init: wrote " + file.getKey());
    }
    return new Result(written, kept);
  }

  private static void write(Path path, String content) throws IOException {
    Files.createDirectories(path.getParent());
    Path temp = Files.createTempFile(path.getParent(), "." + path.getFileName(), ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
