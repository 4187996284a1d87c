package dev.hoist.release;

import dev.hoist.config.AppConfig;
import dev.hoist.config.ConfigException;
import dev.hoist.config.ProjectConfig;
import dev.hoist.image.BaseImage;
import dev.hoist.image.BuiltImage;
import dev.hoist.image.ImageBuilder;
import dev.hoist.image.ImageRequest;
import dev.hoist.image.ImageTarget;
import dev.hoist.images.AppImages;
import dev.hoist.oci.OciLayout;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistVersion;
import dev.hoist.run.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds every app's image (JVM or files kind, mapped by {@link AppImages}) and publishes it with
 * the release tags into a local layout under the release's scratch directory: nothing reaches the
 * destination before every check passed. {@code builder} was opened with the destination's
 * credentials (registry base images use them too).
 */
final class BuildImagesStep {
  private BuildImagesStep() {}

  static List<LocalImage> run(
      ImageBuilder builder,
      ReleaseRequest options,
      ProjectConfig config,
      ResolveRevisionStep.Version version,
      Publishing publishing,
      Path work,
      Progress progress)
      throws IOException {
    List<LocalImage> built = new ArrayList<>();
    for (int i = 0; i < config.apps().size(); i++) {
      AppConfig app = config.apps().get(i);
      BaseImage base;
      try {
        base = AppImages.base(config, i);
      } catch (ConfigException e) {
        throw new ReleaseException(ExitCode.CONFIG, e.getMessage());
      }
      if (base.kind() == BaseImage.Kind.REGISTRY && options.insecure()) {
        base = base.withInsecure(true); // --insecure: plain HTTP to the base's registry too
      }
      // created and the revision label of the app's last change: an unchanged app keeps its digest
      dev.hoist.git.AppHistory.Change change = AppImages.change(config, i, version.revision());
      ImageRequest request =
          new ImageRequest(
              base,
              change.time(),
              version.tags(),
              AppImages.labels(app, version.revision(), change),
              HoistVersion.get(),
              List.of(),
              options.offline());
      progress.say("image " + app.name() + ": building on " + app.base());
      OciLayout local = OciLayout.at(work.resolve("images").resolve(app.name()));
      BuiltImage image =
          builder.build(AppImages.app(config, i), request, ImageTarget.layout(local));
      LocalImage done =
          new LocalImage(
              app.name(), app.image(), publishing.name(app.name()), local, image.digest());
      built.add(done);
      progress.say("image " + app.name() + ": built " + done.ref());
    }
    return built;
  }
}
