package dev.hoist.release;

import dev.hoist.config.AppConfig;
import dev.hoist.image.BaseImage;
import dev.hoist.image.BuiltImage;
import dev.hoist.image.ImageBuilder;
import dev.hoist.image.ImageRequest;
import dev.hoist.image.JibImageBuilder;
import dev.hoist.image.JvmApp;
import dev.hoist.kustomize.Pin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Builds every app's image and publishes it with the release tags. */
final class BuildImagesStep implements Step {
  @Override
  public String name() {
    return "images";
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    Path cache = ctx.config.root().resolve("target/hoist/jib-cache");
    ImageBuilder builder = new JibImageBuilder(cache, ctx.progress::say);
    for (int i = 0; i < ctx.config.apps().size(); i++) {
      AppConfig app = ctx.config.apps().get(i);
      BaseImage base = base(ctx, app, i);
      ImageRequest request = new ImageRequest(base, ctx.revision.commitTime(), ctx.tags, labels(ctx),
          HoistVersion.get());
      ctx.progress.say("image " + app.name() + ": building on " + app.base());
      BuiltImage image = builder.build(jvmApp(ctx.config.root(), app), request,
          ctx.publishing.imageTarget(app.name()));
      String repository = ctx.publishing.name(app.name());
      ctx.images.add(new ReleaseResult.Image(app.name(), repository + "@" + image.digest(),
          image.digest().toString(), ctx.tags));
      ctx.pins.add(new Pin(app.image(), repository, image.digest()));
      ctx.progress.say("image " + app.name() + ": " + repository + "@" + image.digest());
    }
  }

  private static BaseImage base(ReleaseContext ctx, AppConfig app, int index) {
    String value = app.base();
    if (value.startsWith("tar:")) {
      value = "tar:" + ctx.config.root().resolve(value.substring(4));
    }
    try {
      return BaseImage.parse(value);
    } catch (IllegalArgumentException e) {
      throw PreflightStep.configError(ctx.config, "apps[" + index + "].base", e.getMessage());
    }
  }

  private static Map<String, String> labels(ReleaseContext ctx) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(ImageRequest.LABEL_SOURCE, ctx.revision.source() == null ? "" : ctx.revision.source());
    labels.put(ImageRequest.LABEL_REVISION, ctx.revision.commit());
    labels.put(ImageRequest.LABEL_VERSION, ctx.revision.version().toString());
    return labels;
  }

  static JvmApp jvmApp(Path root, AppConfig app) throws IOException {
    List<Path> classpath = new ArrayList<>();
    for (Path entry : app.classpath()) {
      Path resolved = root.resolve(entry);
      if (Files.isDirectory(resolved)) {
        try (Stream<Path> jars = Files.list(resolved)) {
          jars.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted()
              .forEach(classpath::add);
        }
      } else {
        classpath.add(resolved);
      }
    }
    return new JvmApp(app.name(), root.resolve(app.jar()), classpath, app.mainClass(), app.jvmFlags(),
        app.entrypoint(), app.ports(), app.env(), app.workingDir(), app.user());
  }
}
