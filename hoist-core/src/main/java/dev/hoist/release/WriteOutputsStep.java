package dev.hoist.release;

import dev.hoist.clusters.ChartImage;
import dev.hoist.clusters.FluxPlan;
import dev.hoist.flux.FluxWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the project's outputs once everything is published: every cluster's Flux layout (the same
 * files as {@code hoist flux generate}, with the artifact URL of this release's registry). Files
 * are rewritten only when their content changes. Skipped for a dry run. (manifests/ holds the
 * rendered overlays, written by {@code hoist render --all}, not the staged tree.)
 */
final class WriteOutputsStep implements Step {
  @Override
  public String name() {
    return "outputs";
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    String url = "oci://" + ctx.publishing.name(ctx.config.artifactRepository());
    Map<String, String> files = FluxPlan.render(ctx.config, url, List.of(), chartImages(ctx));
    for (Map.Entry<String, String> file : files.entrySet()) {
      ctx.flux.add(file.getKey());
      Path path = ctx.config.root().resolve(file.getKey());
      if (!holds(path, file.getValue())) {
        ctx.commit.add(file.getKey()); // written now (or, for a dry run, would be)
      }
      if (!ctx.request.dryRun()) {
        boolean changed = FluxWriter.write(path, file.getValue());
        ctx.progress.say("flux: " + file.getKey() + (changed ? " written" : " unchanged"));
      }
    }
    if (!ctx.commit.isEmpty() && !ctx.request.dryRun()) {
      ctx.progress.say(
          "commit: this release wrote "
              + String.join(", ", ctx.commit)
              + "; commit them (the release workflow does) so the next release starts clean");
    }
  }

  /**
   * What a tagged release writes into the HelmRelease values of the project's own charts: each
   * published image as {@code repository} and {@code <version>@sha256:…}. A snapshot pins nothing
   * (clusters follow releases; the files keep what the last release wrote).
   */
  static Map<String, ChartImage> chartImages(ReleaseContext ctx) {
    Map<String, ChartImage> out = new java.util.LinkedHashMap<>();
    if (ctx.revision.snapshot()) {
      return out;
    }
    for (ReleaseResult.Image image : ctx.images) {
      String repository = image.ref().substring(0, image.ref().indexOf('@'));
      out.put(
          image.name(), new ChartImage(repository, ctx.revision.version() + "@" + image.digest()));
    }
    return out;
  }

  /**
   * The Flux files a release to the requested destination writes, by absolute path (before the
   * destination is opened: for the clean-tree check, which does not count them as dirt).
   */
  static Map<Path, String> expected(ReleaseContext ctx) {
    String registry =
        ctx.request.destination() instanceof Destination.Registry r
            ? r.registry()
            : ctx.config.registry();
    String url = "oci://" + registry + "/" + ctx.config.artifactRepository();
    Map<Path, String> out = new java.util.HashMap<>();
    FluxPlan.render(ctx.config, url, List.of())
        .forEach(
            (rel, content) ->
                out.put(ctx.config.root().resolve(rel).toAbsolutePath().normalize(), content));
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
