package dev.hoist.release;

import dev.hoist.config.ProjectConfig;
import dev.hoist.git.Revision;
import dev.hoist.oci.Credentials;
import dev.hoist.overlay.Pin;
import dev.hoist.run.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The state a release builds up, step by step. Package-private: steps fill it in, {@link Release}
 * reads it.
 */
final class ReleaseContext {
  final ReleaseRequest request;
  final Progress progress;
  ProjectConfig config;
  Revision revision;

  /** The tags to publish: the version, plus {@code latest} for a stable tagged release. */
  List<String> tags;

  /**
   * Registry credentials: --creds, then docker config, then GITHUB_TOKEN (for pushes and base
   * images).
   */
  Credentials credentials;

  /** Where content goes; for a dry run, a temporary layout. */
  Publishing publishing;

  /** A scratch directory for this release, deleted at the end. */
  Path work;

  final List<ReleaseResult.Image> images = new ArrayList<>();
  final List<ReleaseResult.Artifact> artifacts = new ArrayList<>();
  final List<String> flux = new ArrayList<>();

  /** Image names in the overlays, pinned to the built images. */
  final List<Pin> pins = new ArrayList<>();

  /** The staged base/ and overlays/ with images pinned. */
  Path staged;

  ReleaseContext(ReleaseRequest request, Progress progress) {
    this.request = request;
    this.progress = progress;
  }

  ReleaseResult result() {
    return new ReleaseResult(
        revision.version().toString(),
        revision.fluxRevision(),
        images,
        artifacts,
        flux,
        request.dryRun());
  }
}
