package dev.hoist.preview;

import dev.hoist.config.ConfigException;
import dev.hoist.config.ConfigLoader;
import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.images.ImageBuild;
import dev.hoist.images.ImageBuildRequest;
import dev.hoist.images.ImageBuildResult;
import dev.hoist.oci.Digest;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import dev.hoist.run.HoistVersion;
import dev.hoist.run.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hoist preview}: the developer's loop on a local kind cluster. {@code up} makes sure the
 * cluster and its registry exist ({@link KindCluster}), builds the apps' images straight into that
 * registry (Jib; an unchanged app pushes nothing), applies the overlay pinned to them by digest
 * ({@link PreviewOverlay}, server-side, pruning what an earlier preview applied and the overlay no
 * longer has) and waits until the workloads are ready ({@link Rollout}). Every step needs a Docker
 * engine; its absence is said within a second (exit 7).
 */
public final class Preview {
  /** The tag preview images carry: free to move, never a version. */
  static final String TAG = "preview";

  private Preview() {}

  /**
   * How {@code up} puts the overlay on the cluster: server-side applied by hoist, or reconciled by
   * Flux from a manifests artifact in the preview registry.
   */
  public enum Mode {
    APPLY,
    FLUX
  }

  /** What {@code up} was asked. */
  public record Request(
      Path config,
      String overlay,
      String cluster,
      String context,
      Duration readyWithin,
      Mode mode,
      Map<String, String> env) {
    public Request {
      env = Map.copyOf(env);
    }
  }

  /** What {@code up} did: the context, the registry, each image and the applied objects. */
  public record Result(
      String cluster,
      String context,
      String registry,
      List<ImageBuildResult.Image> images,
      List<Inventory.Entry> objects,
      List<String> access) {}

  public static Result up(Request request, Progress progress) {
    requireDocker();
    ProjectConfig config;
    try {
      config = ConfigLoader.load(request.config());
    } catch (ConfigException e) {
      throw new HoistException(ExitCode.CONFIG, e.getMessage());
    }
    OverlayConfig overlay = overlay(config, request.overlay());
    Commands commands = new Commands(progress);
    KindSetup setup =
        request.context() == null ? KindCluster.create(request.cluster(), commands) : null;
    String context =
        request.context() == null ? KindCluster.context(request.cluster()) : request.context();
    Path work = null;
    try (Kube kube = Kube.connect(context)) {
      KindCluster cluster =
          setup == null
              ? KindCluster.existing(context, kube)
              : KindCluster.created(request.cluster(), setup, kube);
      if (request.mode() == Mode.FLUX && cluster.clusterRegistryHost() == null) {
        throw new HoistException(
            ExitCode.FAILURE,
            "--mode flux: the local-registry-hosting ConfigMap of "
                + cluster.context()
                + " has no hostFromClusterNetwork (where Flux reaches the registry); add it or let"
                + " hoist preview up --cluster NAME create the cluster");
      }
      String registry = cluster.registryHost() + "/" + config.project();
      ImageBuildResult built = buildImages(request.config(), registry, progress);
      Map<String, Digest> digests = new LinkedHashMap<>();
      built.images().forEach(i -> digests.put(i.name(), Digest.parse(i.digest())));
      work = Files.createTempDirectory("hoist-preview-");
      PreviewOverlay rendered = PreviewOverlay.render(config, overlay, registry, digests, work);
      if (request.mode() == Mode.FLUX) {
        FluxMode.forPreview(request.env(), progress)
            .up(
                config,
                overlay,
                rendered.tree(),
                new FluxMode.Target(config, cluster),
                new FluxReconcile(kube),
                request.readyWithin(),
                work);
      } else {
        Rollout rollout = new Rollout(kube, progress);
        rollout.apply(rendered);
        rollout.waitReady(rendered.objects(), request.readyWithin());
      }
      return new Result(
          cluster.name(),
          cluster.context(),
          cluster.registryHost(),
          built.images(),
          rendered.objects(),
          Access.lines(kube, rendered.objects()));
    } catch (IOException e) {
      throw new HoistException(ExitCode.FAILURE, "preview: " + e.getMessage());
    } finally {
      dev.hoist.files.Directories.deleteQuietly(work);
    }
  }

  /** The apps' images, built into the preview registry with the tag {@value #TAG}. */
  private static ImageBuildResult buildImages(Path config, String registry, Progress progress) {
    progress.say("preview: building images into " + registry);
    try {
      return ImageBuild.run(
          new ImageBuildRequest(
              config,
              List.of(),
              new ImageBuildRequest.Output.Registry(registry),
              List.of(),
              true,
              false,
              null,
              HoistVersion.get(),
              List.of(TAG)),
          progress::say);
    } catch (IOException e) {
      throw new HoistException(ExitCode.REGISTRY, e.getMessage());
    }
  }

  /** {@code down}: deletes the cluster, and the registry container unless {@code keepRegistry}. */
  public static void down(String cluster, boolean keepRegistry, Progress progress) {
    requireDocker();
    KindCluster.delete(cluster, keepRegistry, new Commands(progress));
  }

  /** {@code status}: whether the cluster and its registry exist, and where. */
  public static KindCluster.Status status(String cluster, Progress progress) {
    requireDocker();
    return KindCluster.status(cluster, new Commands(progress));
  }

  /** Fails within a second, exit 7, when no Docker engine answers. */
  static void requireDocker() {
    DockerEngine.problem(System.getenv())
        .ifPresent(
            problem -> {
              throw new HoistException(
                  ExitCode.NO_DOCKER,
                  "preview needs a Docker engine (docker version failed: " + problem + ")");
            });
  }

  static OverlayConfig overlay(ProjectConfig config, String name) {
    if (config.overlays().isEmpty()) {
      throw new HoistException(
          ExitCode.CONFIG, config.file().getFileName() + ": overlays: none listed to preview");
    }
    if (name == null) {
      return config.overlays().get(0);
    }
    return config
        .overlay(name)
        .orElseThrow(
            () ->
                new HoistException(
                    ExitCode.USAGE,
                    "--overlay "
                        + name
                        + ": not in "
                        + config.file().getFileName()
                        + " (overlays: "
                        + String.join(", ", config.overlays().stream().map(o -> o.name()).toList())
                        + ")"));
  }
}
