package dev.hoist.clusters;

import dev.hoist.config.ConfigException;
import dev.hoist.config.ConfigLoader;
import dev.hoist.config.ProjectConfig;
import dev.hoist.flux.FluxWriter;
import dev.hoist.flux.LineDiff;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import dev.hoist.run.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code hoist flux generate}: every cluster's Flux layout from hoist.yaml, written to
 * flux/clusters/ (only the files whose content changes), or with {@code check} compared with what
 * is there and nothing written.
 */
public final class FluxGenerate {
  private FluxGenerate() {}

  /**
   * What to generate.
   *
   * @param config hoist.yaml
   * @param clusters the clusters to generate; empty means all
   * @param check write nothing; report what would change, with a diff
   */
  /**
   * What to generate.
   *
   * @param registry the registry the artifact is published to ({@code release --registry}); null
   *     for hoist.yaml's {@code registry}
   */
  public record Request(Path config, List<String> clusters, boolean check, String registry) {
    public Request {
      clusters = List.copyOf(clusters);
    }

    public Request(Path config, List<String> clusters, boolean check) {
      this(config, clusters, check, null);
    }
  }

  /** One file: its project-relative path and whether it was (or, for a check, would be) changed. */
  public record FileResult(String path, boolean changed, String diff) {}

  /** The files in cluster and name order. */
  public record Result(List<FileResult> files, boolean check) {
    /** True when some file was written or, for a check, is stale. */
    public boolean changed() {
      return files.stream().anyMatch(FileResult::changed);
    }
  }

  /**
   * Generates; throws {@link HoistException} (exit code 3) for hoist.yaml or an unknown cluster.
   */
  public static Result run(Request request, Progress progress) {
    ProjectConfig config;
    try {
      config = ConfigLoader.load(request.config());
    } catch (ConfigException e) {
      throw new HoistException(ExitCode.CONFIG, e.getMessage());
    }
    for (String name : request.clusters()) {
      if (config.clusters().stream().noneMatch(c -> c.name().equals(name))) {
        throw new HoistException(
            ExitCode.USAGE,
            "--cluster "
                + name
                + ": not in "
                + config.file().getFileName()
                + " (clusters: "
                + String.join(", ", config.clusters().stream().map(c -> c.name()).toList())
                + ")");
      }
    }
    String registry = request.registry() == null ? config.registry() : request.registry();
    if (request.registry() != null && !dev.hoist.config.RegistryPrefix.valid(registry)) {
      throw new HoistException(ExitCode.USAGE, dev.hoist.config.RegistryPrefix.problem(registry));
    }
    if (config.clusters().isEmpty()) {
      progress.say(config.file().getFileName() + " lists no clusters: no Flux objects to generate");
    }
    String url = "oci://" + registry + "/" + config.artifactRepository();
    Map<String, String> files;
    try {
      files = FluxPlan.render(config, url, request.clusters());
    } catch (IllegalArgumentException e) {
      throw new HoistException(
          ExitCode.CONFIG, config.file().getFileName() + ": " + e.getMessage());
    }
    List<FileResult> results = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path file = config.root().resolve(e.getKey());
      if (request.check()) {
        String current = read(file);
        boolean stale = !e.getValue().equals(current);
        results.add(
            new FileResult(
                e.getKey(),
                stale,
                stale ? LineDiff.unified(e.getKey(), current, e.getValue()) : ""));
        progress.say(
            e.getKey() + (stale ? (current == null ? ": missing" : ": stale") : ": up to date"));
      } else {
        boolean changed = FluxWriter.write(file, e.getValue());
        results.add(new FileResult(e.getKey(), changed, ""));
        progress.say(e.getKey() + (changed ? ": written" : ": unchanged"));
      }
    }
    return new Result(results, request.check());
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
