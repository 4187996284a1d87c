package dev.hoist.release;

import dev.hoist.artifact.ArtifactMetadata;
import dev.hoist.artifact.PackedArtifact;
import dev.hoist.artifact.TagPolicy;
import dev.hoist.config.ProjectConfig;
import dev.hoist.git.Revision;
import dev.hoist.image.ImageBuilders;
import dev.hoist.oci.Credentials;
import dev.hoist.oci.Digest;
import dev.hoist.oci.OciLayout;
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

  /** Opens the builder the images step uses (Jib, or a fake in tests). */
  final ImageBuilders builders;

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

  /** Where the tag plan reads the tags in place: the destination (for a dry run too). */
  Publishing planning;

  /** A scratch directory for this release, deleted at the end. */
  Path work;

  final List<ReleaseResult.Image> images = new ArrayList<>();
  final List<ReleaseResult.Artifact> artifacts = new ArrayList<>();
  final List<String> flux = new ArrayList<>();

  /** The Flux files this release wrote (or would write) that differ from the work tree. */
  final List<String> commit = new ArrayList<>();

  /** Image names in the overlays, pinned to the built images. */
  final List<Pin> pins = new ArrayList<>();

  /** The staged base/ and overlays/ with images pinned. */
  Path staged;

  /**
   * Each app's image as built, in a local layout under {@link #work}, before anything is pushed.
   */
  final List<LocalImage> built = new ArrayList<>();

  /** The manifests artifact as it will be pushed (the staged tree after the ignore rules). */
  PackedArtifact packed;

  /** What the artifact's manifest says besides its layer (source, revision, created). */
  ArtifactMetadata metadata;

  /** The artifact's tag plan, checked before the first upload. */
  TagPolicy.Plan artifactPlan;

  /** What is in a registry already, in order, for the message of a late failure. */
  final List<String> pushed = new ArrayList<>();

  /** An image built locally: where it goes, its tag plan once checked. */
  static final class LocalImage {
    final String app;
    final String repository;
    final OciLayout layout;
    final Digest digest;
    TagPolicy.Plan plan;

    LocalImage(String app, String repository, OciLayout layout, Digest digest) {
      this.app = app;
      this.repository = repository;
      this.layout = layout;
      this.digest = digest;
    }
  }

  ReleaseContext(ReleaseRequest request, Progress progress, ImageBuilders builders) {
    this.request = request;
    this.progress = progress;
    this.builders = builders;
  }

  /** The key pushed content is signed with (loaded before anything runs), or null. */
  dev.hoist.sign.SigningKey signingKey;

  /** The signatures made: what was signed ({@code repo@digest}) and the signature manifest. */
  final List<ReleaseResult.Signature> signatures = new ArrayList<>();

  /** The SBOMs attached to the published images. */
  final List<ReleaseResult.Sbom> sboms = new ArrayList<>();

  ReleaseResult result() {
    return new ReleaseResult(
        revision.version().toString(),
        revision.fluxRevision(),
        images,
        artifacts,
        flux,
        commit,
        request.dryRun(),
        signatures,
        sboms);
  }
}
