package dev.hoist.lint;

import dev.hoist.config.ClusterConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.config.RefPolicy;
import java.util.ArrayList;
import java.util.List;

/** A cluster that applies a production overlay from the artifact's {@code latest} tag. */
final class ProductionFollowsLatest extends ProjectRule {
  ProductionFollowsLatest() {
    super(
        "production-follows-latest",
        Severity.ERROR,
        "a production cluster follows the artifact's latest tag",
        "latest moves with every stable release, so production takes whatever was tagged last with"
            + " no version to roll back to in Git, and two clusters on latest may run different"
            + " builds during a release.",
        "Follow a semver range in clusters[].ref (semver: \">=1.0.0\" for stable releases) or"
            + " pin a tag or digest.");
  }

  @Override
  public List<Finding> checkProject(ProjectConfig config, List<LintedOverlay> overlays) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < config.clusters().size(); i++) {
      ClusterConfig cluster = config.clusters().get(i);
      boolean production =
          overlays.stream().anyMatch(o -> o.production() && o.name().equals(cluster.overlay()));
      if (production && cluster.ref() instanceof RefPolicy.Tag tag && tag.tag().equals("latest")) {
        out.add(
            at(
                config,
                "clusters[" + i + "].ref",
                "cluster " + cluster.name(),
                "applies production overlay " + cluster.overlay() + " from tag latest"));
      }
    }
    return out;
  }
}
