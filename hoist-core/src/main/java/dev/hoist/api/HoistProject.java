package dev.hoist.api;

import dev.hoist.artifact.ArtifactOptions;
import dev.hoist.artifact.Artifacts;
import dev.hoist.artifact.PushRequest;
import dev.hoist.clusters.FluxGenerate;
import dev.hoist.images.ImageBuild;
import dev.hoist.images.ImageBuildRequest;
import dev.hoist.kustomize.Rendering;
import dev.hoist.manifests.RenderAll;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Reference;
import dev.hoist.release.Destination;
import dev.hoist.release.Release;
import dev.hoist.release.ReleaseParts;
import dev.hoist.release.ReleaseRequest;
import dev.hoist.run.HoistVersion;
import dev.hoist.sign.Signer;
import dev.hoist.sign.SigningKey;
import dev.hoist.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A project and what hoist does with it: each method is one CLI command (same engine, same
 * results), throws {@link HoistFailure} when it stops, and reports progress to the listener given
 * to {@link #progress(Consumer)}. Instances are immutable: {@code config} and {@code progress}
 * return new ones.
 */
public final class HoistProject {
  private final Path dir;
  private final Path config;
  private final Consumer<String> progress;

  /**
   * What releases are made with; null for the real ones (Jib, hoist's registry client, the embedded
   * kustomize engine), made when a release starts: a render has no use for them.
   */
  private final ReleaseParts parts;

  HoistProject(Path dir, Path config, Consumer<String> progress) {
    this(dir, config, progress, null);
  }

  private HoistProject(Path dir, Path config, Consumer<String> progress, ReleaseParts parts) {
    this.dir = dir;
    this.config = config;
    this.progress = progress;
    this.parts = parts;
  }

  /** The same project releasing with other parts (the facade's own tests give fakes). */
  HoistProject parts(ReleaseParts value) {
    return new HoistProject(dir, config, progress, value);
  }

  /** The project directory. */
  public Path directory() {
    return dir;
  }

  /** The project descriptor this project is read from. */
  public Path configFile() {
    return config;
  }

  /** True when the descriptor exists (else see {@link #describe}). */
  public boolean hasConfig() {
    return Files.isRegularFile(config);
  }

  /** The same project described by {@code file} (relative to the project directory). */
  public HoistProject config(Path file) {
    return new HoistProject(dir, dir.resolve(file), progress, parts);
  }

  /** The same project reporting progress lines (for people) to {@code listener}. */
  public HoistProject progress(Consumer<String> listener) {
    return new HoistProject(dir, config, listener, parts);
  }

  /**
   * A project without hoist.yaml: writes a descriptor of it to {@code file} (only when its content
   * changes; {@code root:} names this project's directory) and returns the project read from it.
   * The file is an ordinary hoist.yaml: {@code hoist release --config FILE} gives the same result.
   */
  public HoistProject describe(Path file, ProjectDescription description) {
    Path target = dir.resolve(file);
    try {
      Descriptor.write(dir, target, description);
    } catch (RuntimeException e) {
      throw HoistFailure.of(e);
    }
    return new HoistProject(dir, target, progress, parts);
  }

  /** {@code hoist release}: images, pinned overlays, the manifests artifact, Flux objects. */
  public ReleaseResult release(ReleaseOptions options) {
    Destination destination = null;
    if (options.registry() != null) {
      destination = new Destination.Registry(options.registry(), options.insecure());
    } else if (options.ociLayout() != null) {
      destination = new Destination.Layout(dir.resolve(options.ociLayout()));
    }
    ReleaseRequest request =
        new ReleaseRequest(
            config,
            destination,
            options.credentials(),
            options.snapshot(),
            options.dryRun(),
            options.offline(),
            options.insecure(),
            options.signKey(),
            options.noLint(),
            openApi(),
            options.sbomOutput() == null ? null : dir.resolve(options.sbomOutput()));
    return call(
        () ->
            Results.of(
                Release.run(
                    request, progress::accept, parts != null ? parts : ReleaseParts.real())));
  }

  /** The OpenAPI document releases validate against: {@code HOIST_K8S_OPENAPI}, or none. */
  private static Path openApi() {
    String file = System.getenv("HOIST_K8S_OPENAPI");
    return file == null || file.isBlank() ? null : Path.of(file);
  }

  /** {@code hoist image build}: the apps' images. */
  public ImagesResult buildImages(ImageOptions options) {
    ImageBuildRequest.Output output = new ImageBuildRequest.Output.Layout(null);
    if (options.registry() != null) {
      output = new ImageBuildRequest.Output.Registry(options.registry());
    } else if (options.ociLayout() != null) {
      output = new ImageBuildRequest.Output.Layout(dir.resolve(options.ociLayout()));
    } else if (options.tar() != null) {
      output = new ImageBuildRequest.Output.Tar(dir.resolve(options.tar()));
    }
    ImageBuildRequest request =
        new ImageBuildRequest(
            config,
            options.apps(),
            output,
            options.platforms(),
            options.insecure(),
            options.offline(),
            options.credentials(),
            HoistVersion.get(),
            null,
            options.signKey(),
            options.sbomOutput() == null ? null : dir.resolve(options.sbomOutput()));
    return call(() -> Results.of(ImageBuild.run(request, progress)));
  }

  /** {@code hoist render DIR}: the YAML stream {@code kustomize build DIR} prints. */
  public String render(Path kustomization, RenderOptions options) {
    return call(
        () ->
            Rendering.render(
                dir.resolve(kustomization),
                Results.engine(options.engine()),
                Results.restrictor(options.loadRestrictor()),
                progress));
  }

  /** {@code hoist render --all}: every overlay of hoist.yaml into {@code manifests/}. */
  public RenderedFiles renderAll(RenderOptions options) {
    return call(
        () ->
            Results.of(
                RenderAll.run(
                    config,
                    Results.engine(options.engine()),
                    Results.restrictor(options.loadRestrictor()))));
  }

  /** {@code hoist artifact push}: packs {@code options.path()} and pushes it. */
  public PushResult pushArtifact(PushOptions options) {
    PushRequest request =
        new PushRequest(
            options.url(),
            dir.resolve(options.path()),
            options.source(),
            options.revision(),
            options.annotations(),
            options.reproducible(),
            new ArtifactOptions(options.ignorePaths(), options.resolveSymlinks()),
            options.force(),
            List.of());
    return call(
        () -> {
          // a bad key stops the push before anything is uploaded
          SigningKey key = null;
          if (options.signKey() != null) {
            try {
              key = SigningKey.load(options.signKey(), System.getenv());
            } catch (IllegalArgumentException e) {
              throw new HoistFailure(HoistFailure.USAGE, e.getMessage(), e);
            }
          } else if (hasConfig()) {
            key = configuredKey();
          }
          Artifacts artifacts =
              Artifacts.forRegistries(
                  options.credentials(), options.insecure(), System.getenv(), progress);
          PushResult pushed = Results.of(artifacts.push(request));
          if (key == null) {
            return pushed;
          }
          Reference ref = Reference.parse(options.url());
          Digest signature =
              Signer.sign(artifacts.repository(ref), Digest.parse(pushed.digest()), key);
          progress.accept("signed " + ref.name() + "@" + pushed.digest() + " (" + signature + ")");
          return pushed.signed(signature.toString());
        });
  }

  /**
   * hoist.yaml's {@code sign.key} (a file relative to the project root, or {@code env://VAR}), or
   * null when it names none.
   */
  private SigningKey configuredKey() {
    dev.hoist.config.ProjectConfig project = dev.hoist.config.ConfigLoader.load(config);
    String configured = project.sign().key();
    if (configured == null) {
      return null;
    }
    String spec = project.signKeySpec();
    try {
      return SigningKey.load(spec, System.getenv());
    } catch (IllegalArgumentException e) {
      throw new HoistFailure(
          HoistFailure.CONFIG, project.where("sign.key") + ": " + e.getMessage(), e);
    }
  }

  /** {@code hoist flux generate}: every cluster's Flux layout under {@code flux/clusters/}. */
  public FluxResult generateFlux(FluxOptions options) {
    FluxGenerate.Request request =
        new FluxGenerate.Request(config, options.clusters(), options.check(), options.registry());
    return call(() -> Results.of(FluxGenerate.run(request, progress::accept)));
  }

  /**
   * {@code hoist validate}: Kubernetes objects offline, Flux's strictly against its CRDs. Problems
   * are the result; an unreadable path or CRD file is a {@link HoistFailure} with exit code 2.
   */
  public ValidationResult validate(ValidateOptions options) {
    List<Path> paths =
        (options.paths().isEmpty() ? List.of(Path.of("flux")) : options.paths())
            .stream().map(dir::resolve).toList();
    Path crds = options.crds() == null ? null : dir.resolve(options.crds());
    Path openApi = options.openApi() == null ? null : dir.resolve(options.openApi());
    try {
      if (options.overlays()) {
        return Results.of(
            dev.hoist.manifests.ValidateOverlays.run(config, Validation.schemas(crds, openApi)));
      }
      return Results.of(Validation.run(new Validation.Request(paths, crds, openApi)));
    } catch (IllegalArgumentException e) {
      throw new HoistFailure(HoistFailure.USAGE, e.getMessage(), e);
    } catch (RuntimeException e) {
      throw HoistFailure.of(e);
    }
  }

  /** An engine call. */
  @FunctionalInterface
  private interface Call<T> {
    T run() throws Exception;
  }

  private static <T> T call(Call<T> call) {
    try {
      return call.run();
    } catch (Exception e) {
      throw HoistFailure.of(e);
    }
  }
}
