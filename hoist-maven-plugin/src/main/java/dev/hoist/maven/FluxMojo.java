package dev.hoist.maven;

import dev.hoist.api.FluxOptions;
import dev.hoist.api.FluxResult;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code hoist:flux}, as {@code hoist flux generate}: every cluster's Flux layout under {@code
 * flux/clusters/}; with {@code check} the build fails when a file would change.
 */
@Mojo(name = "flux", aggregator = true, threadSafe = true)
public class FluxMojo extends HoistMojo {
  /** Only these clusters; default all. */
  @Parameter(property = "hoist.clusters")
  List<String> clusters;

  /** Compares instead of writing; fails the build when a file would change. */
  @Parameter(property = "hoist.check", defaultValue = "false")
  boolean check;

  /** The registry the Flux objects name; overrides hoist.yaml's. */
  @Parameter(property = "hoist.registry")
  String registry;

  @Override
  void run() throws MojoFailureException {
    FluxResult result =
        hoist()
            .generateFlux(
                FluxOptions.defaults()
                    .clusters(clusters == null ? List.of() : clusters)
                    .check(check)
                    .registry(registry));
    for (FluxResult.File file : result.files()) {
      if (file.changed()) {
        getLog().info("hoist: " + (check ? "would change " : "wrote ") + file.path());
        if (check && !file.diff().isEmpty()) {
          getLog().info(file.diff());
        }
      }
    }
    if (check && result.changed()) {
      throw new MojoFailureException(
          "flux/ is not what hoist.yaml generates: run mvn hoist:flux (or hoist flux generate)");
    }
  }
}
