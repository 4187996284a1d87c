package dev.hoist.maven;

import dev.hoist.api.HoistProject;
import dev.hoist.api.ReleaseOptions;
import dev.hoist.api.ReleaseResult;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code hoist:release}, as {@code hoist release}: the apps' images, the overlays pinned to them,
 * the manifests artifact and the Flux objects, versioned by the git tag at HEAD.
 */
@Mojo(
    name = "release",
    defaultPhase = LifecyclePhase.DEPLOY,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class ReleaseMojo extends AppsMojo {
  /** Releases HEAD as {@code 0.0.0-<sha>} without a tag; never moves {@code latest}. */
  @Parameter(property = "hoist.snapshot", defaultValue = "false")
  boolean snapshot;

  /** Computes everything against a temporary layout; writes and pushes nothing. */
  @Parameter(property = "hoist.dryRun", defaultValue = "false")
  boolean dryRun;

  /** Also writes each image's SBOM to this directory ({@code <app>.cdx.json}). */
  @Parameter(property = "hoist.sbomOutput")
  String sbomOutput;

  /** Releases even when lint finds errors. */
  @Parameter(property = "hoist.noLint", defaultValue = "false")
  boolean noLint;

  @Override
  String goal() {
    return "hoist:release";
  }

  @Override
  void act(HoistProject hoist) {
    ReleaseResult result =
        hoist.release(
            new ReleaseOptions(
                registry,
                path(ociLayout),
                insecure,
                credentials,
                snapshot,
                dryRun,
                offline,
                signKey,
                noLint,
                path(sbomOutput)));
    String done = result.dryRun() ? "would release " : "released ";
    getLog().info("hoist: " + done + result.version() + " (" + result.revision() + ")");
    for (ReleaseResult.Image image : result.images()) {
      getLog().info("hoist:   image " + image.ref() + " " + image.tags());
    }
    for (ReleaseResult.Artifact artifact : result.artifacts()) {
      getLog()
          .info(
              "hoist:   artifact "
                  + artifact.url()
                  + "@"
                  + artifact.digest()
                  + " "
                  + artifact.tags());
    }
    for (String file : result.commit()) {
      getLog().info("hoist:   changed " + file);
    }
  }
}
