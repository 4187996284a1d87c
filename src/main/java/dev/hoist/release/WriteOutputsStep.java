package dev.hoist.release;

import dev.hoist.config.ClusterConfig;
import dev.hoist.config.RefPolicy;
import dev.hoist.flux.ClusterUnit;
import dev.hoist.flux.FluxObjects;
import dev.hoist.flux.FluxWriter;
import java.io.IOException;

/**
 * Writes the project's outputs once everything is published: the Flux objects of every cluster. Files are
 * rewritten only when their content changes. Skipped for a dry run. (manifests/ holds the rendered overlays,
 * written by {@code hoist render --all}, not the staged tree.)
 */
final class WriteOutputsStep implements Step {
  @Override
  public String name() {
    return "outputs";
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    String url = "oci://" + ctx.publishing.name(ctx.config.artifactRepository());
    for (ClusterConfig cluster : ctx.config.clusters()) {
      String relative = "flux/clusters/" + cluster.name() + "/" + ctx.config.project() + ".yaml";
      ctx.flux.add(relative);
      if (ctx.request.dryRun()) {
        continue;
      }
      String overlayPath = "./" + ctx.config.overlay(cluster.overlay()).orElseThrow().dir().toString()
          .replace('\\', '/');
      ClusterUnit unit = new ClusterUnit(cluster.name(), ctx.config.project(), cluster.namespace(), url,
          ref(cluster.ref()), cluster.interval(), cluster.timeout(), overlayPath, true, true);
      boolean changed = FluxWriter.write(ctx.config.root().resolve(relative), FluxObjects.render(unit));
      ctx.progress.say("flux: " + relative + (changed ? " written" : " unchanged"));
    }
  }

  private static dev.hoist.flux.RefPolicy ref(RefPolicy ref) {
    if (ref instanceof RefPolicy.Tag tag) {
      return new dev.hoist.flux.RefPolicy.Tag(tag.tag());
    }
    RefPolicy.Semver semver = (RefPolicy.Semver) ref;
    return new dev.hoist.flux.RefPolicy.Semver(semver.range(), semver.filter());
  }
}
