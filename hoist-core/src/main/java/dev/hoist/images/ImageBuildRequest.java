package dev.hoist.images;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code hoist image build} was asked to do.
 *
 * @param config hoist.yaml
 * @param apps app names to build; empty for every app
 * @param output where images go
 * @param platforms {@code os/arch} to build; empty for the base image's platform
 * @param insecure allow plain HTTP (and unverified TLS) to the target registry and registry base
 *     images
 * @param offline use only local bases and the local base-layer cache
 * @param credentials {@code user:password} for every registry, or null for the shared chain's
 *     defaults
 * @param toolVersion hoist's version, recorded in the image history
 * @param tags the tags to publish; null for the revision's (its version, and {@code latest} for a
 *     release), as {@code hoist image build} does ({@code hoist preview} uses a free tag)
 * @param signKey sign every image pushed to a registry or layout by digest (cosign's format), or
 *     null
 * @param sbomOutput also write each image's SBOM to {@code <sbomOutput>/<app>.cdx.json}; null for
 *     none
 */
public record ImageBuildRequest(
    Path config,
    List<String> apps,
    Output output,
    List<String> platforms,
    boolean insecure,
    boolean offline,
    String credentials,
    String toolVersion,
    List<String> tags,
    String signKey,
    Path sbomOutput) {

  /** Without SBOM files. */
  public ImageBuildRequest(
      Path config,
      List<String> apps,
      Output output,
      List<String> platforms,
      boolean insecure,
      boolean offline,
      String credentials,
      String toolVersion,
      List<String> tags,
      String signKey) {
    this(
        config,
        apps,
        output,
        platforms,
        insecure,
        offline,
        credentials,
        toolVersion,
        tags,
        signKey,
        null);
  }

  /** A build with chosen tags, unsigned. */
  public ImageBuildRequest(
      Path config,
      List<String> apps,
      Output output,
      List<String> platforms,
      boolean insecure,
      boolean offline,
      String credentials,
      String toolVersion,
      List<String> tags) {
    this(config, apps, output, platforms, insecure, offline, credentials, toolVersion, tags, null);
  }

  /** A build tagged as its revision says. */
  public ImageBuildRequest(
      Path config,
      List<String> apps,
      Output output,
      List<String> platforms,
      boolean insecure,
      boolean offline,
      String credentials,
      String toolVersion) {
    this(config, apps, output, platforms, insecure, offline, credentials, toolVersion, null, null);
  }

  public ImageBuildRequest {
    Objects.requireNonNull(config, "config");
    apps = apps == null ? List.of() : List.copyOf(apps);
    Objects.requireNonNull(output, "output");
    platforms = platforms == null ? List.of() : List.copyOf(platforms);
    Objects.requireNonNull(toolVersion, "toolVersion");
    tags = tags == null ? null : List.copyOf(tags);
  }

  /** Where the images go. */
  public sealed interface Output {
    /** Repositories {@code <registry>/<app name>}. */
    record Registry(String registry) implements Output {}

    /** OCI image layouts {@code <dir>/<app name>}; a null dir means {@code target/hoist/oci}. */
    record Layout(Path dir) implements Output {}

    /** One app's image as an OCI tarball ({@code oci-archive}). */
    record Tar(Path file) implements Output {}
  }
}
