package dev.hoist.release;

import dev.hoist.clusters.FluxPlan;
import dev.hoist.flux.FluxWriter;
import java.io.IOException;
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
    Map<String, String> files = FluxPlan.render(ctx.config, url, List.of());
    for (Map.Entry<String, String> file : files.entrySet()) {
      ctx.flux.add(file.getKey());
      if (!ctx.request.dryRun()) {
        boolean changed =
            FluxWriter.write(ctx.config.root().resolve(file.getKey()), file.getValue());
        ctx.progress.say("flux: " + file.getKey() + (changed ? " written" : " unchanged"));
      }
    }
  }
}
