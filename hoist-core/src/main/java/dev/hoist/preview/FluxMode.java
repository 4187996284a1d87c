package dev.hoist.preview;

import dev.hoist.artifact.ArtifactExtractor;
import dev.hoist.artifact.ArtifactOptions;
import dev.hoist.artifact.Artifacts;
import dev.hoist.artifact.PushRequest;
import dev.hoist.artifact.PushResult;
import dev.hoist.clusters.FluxPlan;
import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.flux.FluxObjects;
import dev.hoist.flux.FluxUnit;
import dev.hoist.git.GitInspector;
import dev.hoist.git.Revision;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import dev.hoist.run.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code hoist preview up --mode flux} hands to the cluster: Flux's install manifests (pulled
 * as the OCI artifact Flux publishes them as), the preview's manifests artifact (the staged, pinned
 * tree pushed to the preview registry under the tag {@code preview}) and the app's Flux objects as
 * {@code hoist flux generate} writes them, pointed at that artifact inside the cluster ({@link
 * FluxPlan#preview}); {@link #up} hands them to the cluster through {@link FluxReconcile}.
 */
final class FluxMode {
  /** The Flux release a preview installs when the cluster has none (its CRDs: Flux 2.9). */
  static final String FLUX_MANIFESTS = "oci://ghcr.io/fluxcd/flux-manifests:v2.9.6";

  /** Names another install artifact (a mirror; a test registry). */
  static final String FLUX_MANIFESTS_ENV = "HOIST_FLUX_MANIFESTS";

  private final Artifacts artifacts;
  private final Map<String, String> env;
  private final Progress progress;

  FluxMode(Artifacts artifacts, Map<String, String> env, Progress progress) {
    this.artifacts = artifacts;
    this.env = Map.copyOf(env);
    this.progress = progress;
  }

  /**
   * Registries as a preview reaches them: the preview's own over plain HTTP (it is on loopback),
   * the rest (ghcr.io for Flux's install manifests) over HTTPS with the Docker config's
   * credentials.
   */
  static FluxMode forPreview(Map<String, String> env, Progress progress) {
    return new FluxMode(
        new Artifacts(
            Artifacts.registries(null, false, true, env, progress::say),
            progress::say,
            Clock.systemUTC(),
            ArtifactExtractor.Limits.DEFAULT),
        env,
        progress);
  }

  /**
   * Installs Flux when the cluster has none, pushes {@code tree} as the preview's manifests
   * artifact, applies the app's Flux objects, asks for their reconciliation and waits until the
   * Kustomization is Ready at the pushed revision.
   */
  void up(
      ProjectConfig config,
      OverlayConfig overlay,
      Path tree,
      Target target,
      FluxReconcile cluster,
      Duration wait,
      Path work)
      throws IOException {
    if (!cluster.installed()) {
      String source = installSource(env);
      progress.say("preview: installing Flux from " + source);
      cluster.install(installManifests(source, work), wait);
    }
    String revision = push(config, tree, target);
    FluxUnit.App app = objects(config, overlay, target);
    String namespace = app.unit().namespace();
    cluster.apply(FluxObjects.render(app), app.name(), namespace, Instant.now());
    progress.say("preview: waiting for Flux to apply " + revision);
    cluster.waitReady(app.name(), namespace, revision, wait);
  }

  /** The install artifact: {@code $HOIST_FLUX_MANIFESTS}, else the pinned Flux release. */
  static String installSource(Map<String, String> env) {
    String given = env.get(FLUX_MANIFESTS_ENV);
    return given == null || given.isBlank() ? FLUX_MANIFESTS : given.strip();
  }

  /** Every YAML file of the install artifact at {@code url}, in name order, as one stream. */
  String installManifests(String url, Path work) throws IOException {
    Path out = work.resolve("flux-install");
    artifacts.pull(url, out);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
              .sorted()
              .toList();
    }
    if (files.isEmpty()) {
      throw new HoistException(
          ExitCode.FAILURE,
          url + ": holds no YAML files (not Flux's install manifests; see " + FLUX_MANIFESTS + ")");
    }
    StringBuilder yaml = new StringBuilder();
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      yaml.append(text.startsWith("---") ? "" : "---\n").append(text);
      if (!text.endsWith("\n")) {
        yaml.append('\n');
      }
    }
    return yaml.toString();
  }

  /**
   * The preview's manifests artifact: where hoist pushes it ({@code
   * oci://<registryHost>/<project>/<artifact repository>:preview}) and where Flux reads the same
   * repository inside the cluster.
   */
  record Target(String pushUrl, String clusterUrl) {
    Target(ProjectConfig config, KindCluster cluster) {
      this(
          "oci://" + cluster.registryHost() + "/" + repository(config) + ":" + Preview.TAG,
          "oci://" + cluster.clusterRegistryHost() + "/" + repository(config));
    }

    private static String repository(ProjectConfig config) {
      return config.project() + "/" + config.artifactRepository();
    }
  }

  /**
   * Pushes {@code tree} (reproducibly: an unchanged tree pushes nothing) and returns the revision
   * Flux reports for it ({@code preview@sha256:…}).
   */
  String push(ProjectConfig config, Path tree, Target target) throws IOException {
    Optional<Revision> git = GitInspector.head(config.root());
    String source = git.map(Revision::source).orElse(null);
    PushRequest request =
        new PushRequest(
            target.pushUrl(),
            tree,
            source == null ? config.root().toUri().toString() : source,
            git.map(Revision::fluxRevision).orElse(Preview.TAG),
            Map.of(),
            true,
            ArtifactOptions.defaults(),
            true,
            List.of());
    PushResult pushed = artifacts.push(request);
    return Preview.TAG + "@" + pushed.digest();
  }

  /** The app's Flux objects for {@code overlay}, reading {@code target} inside the cluster. */
  static FluxUnit.App objects(ProjectConfig config, OverlayConfig overlay, Target target) {
    return FluxPlan.preview(config, overlay.name(), target.clusterUrl(), Preview.TAG);
  }
}
