package dev.hoist.release;

import dev.hoist.image.ImageBuilders;
import dev.hoist.run.Progress;
import java.nio.file.Path;
import java.util.List;

/**
 * The release engine: one call that turns a checkout into images, a pinned manifests artifact and
 * Flux objects. Front ends (the CLI, the Maven plugin through the facade) only build a {@link
 * ReleaseRequest} and print the {@link ReleaseResult}.
 */
public final class Release {
  private Release() {}

  /** Runs a release; throws {@link ReleaseException} with a one-line message and an exit code. */
  public static ReleaseResult run(ReleaseRequest request, Progress progress) {
    return run(
        request,
        progress,
        ImageBuilders.jib(dev.hoist.images.Caches.dir(System.getenv()).resolve("jib")));
  }

  /** Runs a release whose images come from {@code builders} (tests pass a fake). */
  public static ReleaseResult run(
      ReleaseRequest request, Progress progress, ImageBuilders builders) {
    ReleaseContext ctx = new ReleaseContext(request, progress, builders);
    List<Step> images =
        List.of(
            new LoadConfigStep(),
            new ResolveRevisionStep(),
            new PreflightStep(),
            new OpenDestinationStep(),
            new BuildImagesStep());
    // every check that can fail runs before the first upload: the images are built locally, the
    // artifact packed and rendered from what will be pushed, and every tag plan checked
    List<Step> checks =
        List.of(
            new StageOverlaysStep(),
            new PinThirdPartyStep(),
            new PackArtifactStep(),
            new CheckPackedStep(),
            new ValidateStep(),
            new LintStep(),
            new ChartsStep());
    List<Step> publish = List.of(new PlanTagsStep(), new PublishImagesStep());
    // a project without overlays (charts only, or a Maven project without hoist.yaml) releases its
    // images and its clusters' Flux objects, with no manifests artifact
    List<Step> outputs =
        List.of(new PushArtifactStep(), new SbomStep(), new SignStep(), new WriteOutputsStep());
    try {
      run(images, ctx);
      boolean overlays = !ctx.config.overlays().isEmpty();
      if (overlays) {
        run(checks, ctx);
      } else {
        ctx.progress.say(
            "artifact: skipped, hoist.yaml lists no overlays (images and Flux objects only)");
        run(List.of(new ChartsStep()), ctx);
      }
      run(publish, ctx);
      run(
          overlays ? outputs : List.of(new SbomStep(), new SignStep(), new WriteOutputsStep()),
          ctx);
      return ctx.result();
    } finally {
      deleteQuietly(ctx.work);
    }
  }

  private static void run(List<Step> steps, ReleaseContext ctx) {
    for (Step step : steps) {
      try {
        step.run(ctx);
      } catch (Exception e) {
        ReleaseException failure = Failures.classify(step.name(), e);
        if (ctx.pushed.isEmpty() || ctx.request.dryRun()) {
          throw failure;
        }
        // a late failure says exactly what is in the registry already
        throw new ReleaseException(
            failure.exitCode(),
            failure.getMessage() + " (already pushed: " + String.join(", ", ctx.pushed) + ")",
            failure);
      }
    }
  }

  static void deleteQuietly(Path dir) {
    dev.hoist.files.Directories.deleteQuietly(dir);
  }
}
