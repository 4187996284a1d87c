package dev.hoist.release;

import dev.hoist.clusters.ChartImage;
import dev.hoist.clusters.FluxPlan;
import dev.hoist.config.ProjectConfig;
import dev.hoist.flux.FluxWriter;
import dev.hoist.git.Revision;
import dev.hoist.run.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the project's outputs once everything is published: every cluster's Flux layout (the same
 * files as {@code hoist flux generate}, with the artifact URL of this release's registry). Files
 * are rewritten only when their content changes. Skipped for a dry run. (manifests/ holds the
 * rendered overlays, written by {@code hoist render --all}, not the staged tree.)
 */
final class WriteOutputsStep {
  private WriteOutputsStep() {}

  /**
   * The Flux files of the release, relative to the project root.
   *
   * @param flux every file of every cluster's layout
   * @param commit the files this release wrote (a dry run: would write) that differ from the work
   *     tree
   */
  record Outputs(List<String> flux, List<String> commit) {
    Outputs {
      flux = List.copyOf(flux);
      commit = List.copyOf(commit);
    }
  }

  static Outputs run(
      ProjectConfig config,
      Publishing publishing,
      Revision revision,
      List<ReleaseResult.Image> images,
      boolean dryRun,
      Progress progress)
      throws IOException {
    String url = "oci://" + publishing.name(config.artifactRepository());
    Map<String, String> files =
        FluxPlan.render(config, url, List.of(), chartImages(revision, images));
    List<String> flux = new ArrayList<>();
    List<String> commit = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      flux.add(file.getKey());
      Path path = config.root().resolve(file.getKey());
      if (!holds(path, file.getValue())) {
        commit.add(file.getKey()); // written now (or, for a dry run, would be)
      }
      if (!dryRun) {
        boolean changed = FluxWriter.write(path, file.getValue());
        progress.say("flux: " + file.getKey() + (changed ? " written" : " unchanged"));
      }
    }
    if (!commit.isEmpty() && !dryRun) {
      progress.say(
          "commit: this release wrote "
              + String.join(", ", commit)
              + "; commit them (the release workflow does) so the next release starts clean");
    }
    return new Outputs(flux, commit);
  }

  /**
   * What a tagged release writes into the HelmRelease values of the project's own charts: each
   * published image as {@code repository} and {@code <version>@sha256:…}. A snapshot pins nothing
   * (clusters follow releases; the files keep what the last release wrote).
   */
  static Map<String, ChartImage> chartImages(Revision revision, List<ReleaseResult.Image> images) {
    Map<String, ChartImage> out = new java.util.LinkedHashMap<>();
    if (revision.snapshot()) {
      return out;
    }
    for (ReleaseResult.Image image : images) {
      String repository = image.ref().substring(0, image.ref().indexOf('@'));
      out.put(image.name(), new ChartImage(repository, revision.version() + "@" + image.digest()));
    }
    return out;
  }

  /**
   * The Flux files a release to the requested destination writes, by absolute path (before the
   * destination is opened: for the clean-tree check, which does not count them as dirt).
   */
  static Map<Path, String> expected(ReleaseRequest request, ProjectConfig config) {
    String registry =
        request.destination() instanceof Destination.Registry r ? r.registry() : config.registry();
    String url = "oci://" + registry + "/" + config.artifactRepository();
    Map<Path, String> out = new java.util.HashMap<>();
    FluxPlan.render(config, url, List.of())
        .forEach(
            (rel, content) ->
                out.put(config.root().resolve(rel).toAbsolutePath().normalize(), content));
    return out;
  }

  /** Whether {@code path} is a file holding exactly {@code content}. */
  static boolean holds(Path path, String content) {
    try {
      return Files.isRegularFile(path)
          && Files.readString(path, StandardCharsets.UTF_8).equals(content);
    } catch (IOException e) {
      return false;
    }
  }
}
