package dev.hoist.maven;

import dev.hoist.api.HoistProject;
import dev.hoist.api.ImageOptions;
import dev.hoist.api.ImagesResult;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code hoist:build}, as {@code hoist image build}: the apps' images, tagged by the version. */
@Mojo(
    name = "build",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class BuildMojo extends AppsMojo {
  /** Only these apps (names of hoist.yaml's apps); default all. */
  @Parameter(property = "hoist.apps")
  List<String> apps;

  /** Writes one app's image as an OCI tarball instead. */
  @Parameter(property = "hoist.tar")
  String tar;

  /** Platforms, e.g. {@code linux/amd64,linux/arm64}; default the base's. */
  @Parameter(property = "hoist.platforms")
  List<String> platforms;

  /** Also writes each image's SBOM to this directory ({@code <app>.cdx.json}). */
  @Parameter(property = "hoist.sbomOutput")
  String sbomOutput;

  @Override
  String goal() {
    return "hoist:build";
  }

  @Override
  void act(HoistProject hoist) {
    ImageOptions options =
        ImageOptions.defaults()
            .apps(apps == null ? List.of() : apps)
            .platforms(platforms == null ? List.of() : platforms)
            .insecure(insecure)
            .offline(offline)
            .credentials(credentials)
            .signKey(signKey)
            .sbomOutput(path(sbomOutput));
    if (registry != null) {
      options = options.registry(registry);
    } else if (ociLayout != null) {
      options = options.ociLayout(path(ociLayout));
    } else if (tar != null) {
      options = options.tar(path(tar));
    }
    ImagesResult result = hoist.buildImages(options);
    for (ImagesResult.Image image : result.images()) {
      getLog()
          .info(
              "hoist: "
                  + (image.pushed() ? "built " : "unchanged ")
                  + image.ref()
                  + " "
                  + image.tags());
    }
  }
}
