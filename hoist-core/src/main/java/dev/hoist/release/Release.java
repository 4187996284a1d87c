package dev.hoist.release;

import dev.hoist.config.ProjectConfig;
import dev.hoist.files.Directories;
import dev.hoist.run.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The release engine: one call that turns a checkout into images, a pinned manifests artifact and
 * Flux objects. Front ends (the CLI, the Maven plugin through the facade) only build a {@link
 * ReleaseRequest} and print the {@link ReleaseResult}.
 *
 * <p>It composes the stages: each gets its inputs as arguments and returns its typed output, which
 * is passed on to the stages that need it; the collaborators (image builder, registry client,
 * overlay renderer) are the {@link ReleaseParts} given.
 */
public final class Release {
  private final ReleaseRequest request;
  private final Progress progress;
  private final ReleaseParts parts;

  /** What the destination holds already; only the publishing stages add to it. */
  private final Pushed pushed = new Pushed();

  private Release(ReleaseRequest request, Progress progress, ReleaseParts parts) {
    this.request = request;
    this.progress = progress;
    this.parts = parts;
  }

  /** Runs a release; throws {@link ReleaseException} with a one-line message and an exit code. */
  public static ReleaseResult run(ReleaseRequest request, Progress progress) {
    return run(request, progress, ReleaseParts.real());
  }

  /** Runs a release with the given collaborators (tests pass fakes or decorators). */
  public static ReleaseResult run(ReleaseRequest request, Progress progress, ReleaseParts parts) {
    return new Release(request, progress, parts).run();
  }

  private ReleaseResult run() {
    Path work = step("destination", () -> Files.createTempDirectory("hoist-release-"));
    try {
      return run(work);
    } finally {
      Directories.deleteQuietly(work); // the scratch directory goes, whatever happened
    }
  }

  private ReleaseResult run(Path work) {
    LoadConfigStep.Loaded loaded = step("config", () -> LoadConfigStep.run(request));
    ProjectConfig config = loaded.config();
    ResolveRevisionStep.Version version =
        step("version", () -> ResolveRevisionStep.run(request, config, progress));
    check("preflight", () -> PreflightStep.run(config));
    OpenDestinationStep.Destinations to =
        step(
            "destination",
            () ->
                OpenDestinationStep.run(
                    request, config, version.tags(), parts.registries(), work, progress));
    List<LocalImage> built =
        step(
            "images",
            () ->
                BuildImagesStep.run(
                    parts.builders().open(progress::say, to.credentials()),
                    request,
                    config,
                    version,
                    to.publishing(),
                    work,
                    progress));

    // every check that can fail runs before the first upload: the images are built locally, the
    // artifact packed and rendered from what will be pushed, the charts rendered, the SBOMs made,
    // every tag plan checked. A project without overlays (charts only, or a Maven project without
    // hoist.yaml) releases its images and its clusters' Flux objects, with no manifests artifact.
    Optional<PackArtifactStep.Packed> packed =
        config.overlays().isEmpty()
            ? noArtifact()
            : Optional.of(checkOverlays(config, version, to, built, work));
    check(
        "charts",
        () -> ChartsStep.run(config, version.revision(), built, request.noLint(), progress));
    List<SbomStep.Made> made = step("sbom", () -> SbomStep.make(config, built));
    PlanTagsStep.Plans plans =
        step(
            "tags",
            () ->
                PlanTagsStep.run(
                    built, packed, to.planning(), config.artifactRepository(), version, progress));

    // the first upload: from here on a failure names what the destination holds already
    List<ReleaseResult.Image> images =
        step(
            "images",
            () ->
                PublishImagesStep.run(
                    plans.images(), to.publishing(), version.tags(), pushed, progress));
    List<ReleaseResult.Artifact> artifacts =
        packed.isEmpty()
            ? List.of()
            : List.of(
                step(
                    "artifact",
                    () ->
                        PushArtifactStep.run(
                            config,
                            packed.get(),
                            to.publishing(),
                            version.tags(),
                            pushed,
                            progress)));
    List<ReleaseResult.Sbom> sboms =
        step("sbom", () -> SbomStep.attach(request, made, to.publishing(), pushed, progress));
    List<ReleaseResult.Signature> signatures =
        step(
            "sign",
            () ->
                SignStep.run(
                    loaded.signingKey(),
                    new SignStep.Signed(images, sboms, artifacts, config.artifactRepository()),
                    to.publishing(),
                    pushed,
                    progress));
    WriteOutputsStep.Outputs outputs =
        step(
            "outputs",
            () ->
                WriteOutputsStep.run(
                    config,
                    to.publishing(),
                    version.revision(),
                    images,
                    request.dryRun(),
                    progress));
    return new ReleaseResult(
        version.revision().version().toString(),
        version.revision().fluxRevision(),
        images,
        artifacts,
        outputs.flux(),
        outputs.commit(),
        request.dryRun(),
        signatures,
        sboms);
  }

  /**
   * Stages base/ and the overlays pinned to the built images, pins third-party images, packs the
   * artifact and checks it: it renders from what will be pushed, validates, passes lint.
   */
  private PackArtifactStep.Packed checkOverlays(
      ProjectConfig config,
      ResolveRevisionStep.Version version,
      OpenDestinationStep.Destinations to,
      List<LocalImage> built,
      Path work) {
    Path staged =
        step(
            "overlays",
            () ->
                StageOverlaysStep.run(
                    config, built.stream().map(LocalImage::pin).toList(), work, progress));
    check(
        "pins",
        () ->
            new PinThirdPartyStep(
                    parts.registries(), parts.renderer(), to.credentials(), request, progress)
                .run(config, staged));
    PackArtifactStep.Packed packed =
        step("artifact", () -> PackArtifactStep.run(staged, version.revision(), work, progress));
    check(
        "render",
        () -> CheckPackedStep.run(config, packed, staged, work, parts.renderer(), progress));
    List<RenderStagedStep.StagedOverlay> rendered =
        step("render", () -> RenderStagedStep.run(config, staged, parts.renderer()));
    check("validate", () -> ValidateStep.run(request.openApi(), rendered, staged, progress));
    check("lint", () -> LintStep.run(config, rendered, request.noLint(), progress));
    return packed;
  }

  private Optional<PackArtifactStep.Packed> noArtifact() {
    progress.say("artifact: skipped, hoist.yaml lists no overlays (images and Flux objects only)");
    return Optional.empty();
  }

  /** Runs one stage; what it throws becomes a one-line failure naming it. */
  private <T> T step(String name, Step<T> step) {
    try {
      return step.run();
    } catch (Exception e) {
      ReleaseException failure = Failures.classify(name, e);
      if (pushed.isEmpty() || request.dryRun()) {
        throw failure;
      }
      // a late failure says exactly what is in the registry already
      throw new ReleaseException(
          failure.exitCode(),
          failure.getMessage() + " (already pushed: " + String.join(", ", pushed.entries()) + ")",
          failure);
    }
  }

  private void check(String name, Step.Check check) {
    step(
        name,
        () -> {
          check.run();
          return null;
        });
  }
}
