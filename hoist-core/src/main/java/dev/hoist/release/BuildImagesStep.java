package dev.hoist.release;

import dev.hoist.config.AppConfig;
import dev.hoist.config.ConfigException;
import dev.hoist.image.BaseImage;
import dev.hoist.image.BuiltImage;
import dev.hoist.image.ImageBuilder;
import dev.hoist.image.ImageRequest;
import dev.hoist.image.ImageTarget;
import dev.hoist.images.AppImages;
import dev.hoist.oci.OciLayout;
import dev.hoist.overlay.Pin;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistVersion;
import java.io.IOException;

/**
 * Builds every app's image (JVM or files kind, mapped by {@link AppImages}) and publishes it with
 * the release tags. Registry base images get credentials from the shared chain.
 */
final class BuildImagesStep implements Step {
  @Override
  public String name() {
    return "images";
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    ImageBuilder builder = ctx.builders.open(ctx.progress::say, ctx.credentials);
    for (int i = 0; i < ctx.config.apps().size(); i++) {
      AppConfig app = ctx.config.apps().get(i);
      BaseImage base;
      try {
        base = AppImages.base(ctx.config, i);
      } catch (ConfigException e) {
        throw new ReleaseException(ExitCode.CONFIG, e.getMessage());
      }
      if (base.kind() == BaseImage.Kind.REGISTRY && ctx.request.insecure()) {
        base = base.withInsecure(true); // --insecure: plain HTTP to the base's registry too
      }
      // created and the revision label of the app's last change: an unchanged app keeps its digest
      dev.hoist.git.AppHistory.Change change = AppImages.change(ctx.config, i, ctx.revision);
      ImageRequest request =
          new ImageRequest(
              base,
              change.time(),
              ctx.tags,
              AppImages.labels(app, ctx.revision, change),
              HoistVersion.get(),
              java.util.List.of(),
              ctx.request.offline());
      ctx.progress.say("image " + app.name() + ": building on " + app.base());
      // built into a local layout: nothing reaches the registry before every check passed
      OciLayout local = OciLayout.at(ctx.work.resolve("images").resolve(app.name()));
      BuiltImage image =
          builder.build(AppImages.app(ctx.config, i), request, ImageTarget.layout(local));
      String repository = ctx.publishing.name(app.name());
      ctx.built.add(new ReleaseContext.LocalImage(app.name(), repository, local, image.digest()));
      ctx.pins.add(new Pin(app.image(), repository, image.digest()));
      ctx.progress.say("image " + app.name() + ": built " + repository + "@" + image.digest());
    }
  }
}
