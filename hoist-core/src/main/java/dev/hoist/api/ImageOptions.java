package dev.hoist.api;

import java.nio.file.Path;
import java.util.List;

/**
 * How to build images (the flags of {@code hoist image build}). At most one of {@code registry},
 * {@code ociLayout} and {@code tar}; with none, OCI layouts under {@code target/hoist/oci}.
 *
 * @param apps the apps of hoist.yaml to build; empty for all
 * @param registry push to {@code <registry>/<app>}
 * @param ociLayout write OCI image layouts {@code <ociLayout>/<app>}
 * @param tar write one app's image as an OCI tarball
 * @param platforms {@code os/arch} to build; empty for the base image's platform
 * @param insecure allow plain HTTP to the registry and to registry base images
 * @param offline use only local bases and the base-layer cache
 * @param credentials {@code user:password}, or null for the credential chain
 * @param sbomOutput also write each image's SBOM to {@code <sbomOutput>/<app>.cdx.json}; null for
 *     none
 * @param signKey sign every pushed image by digest with this key ({@code FILE} or {@code
 *     env://VAR}), cosign's format; null for none
 */
public record ImageOptions(
    List<String> apps,
    String registry,
    Path ociLayout,
    Path tar,
    List<String> platforms,
    boolean insecure,
    boolean offline,
    String credentials,
    String signKey,
    Path sbomOutput) {

  public ImageOptions {
    apps = List.copyOf(apps);
    platforms = List.copyOf(platforms);
    int targets = (registry != null ? 1 : 0) + (ociLayout != null ? 1 : 0) + (tar != null ? 1 : 0);
    if (targets > 1) {
      throw new HoistFailure(
          HoistFailure.USAGE, "give one of a registry, an OCI layout or a tarball", null);
    }
  }

  /** Options without a signing key. */
  public ImageOptions(
      List<String> apps,
      String registry,
      Path ociLayout,
      Path tar,
      List<String> platforms,
      boolean insecure,
      boolean offline,
      String credentials) {
    this(apps, registry, ociLayout, tar, platforms, insecure, offline, credentials, null, null);
  }

  /** Options without SBOM files. */
  public ImageOptions(
      List<String> apps,
      String registry,
      Path ociLayout,
      Path tar,
      List<String> platforms,
      boolean insecure,
      boolean offline,
      String credentials,
      String signKey) {
    this(apps, registry, ociLayout, tar, platforms, insecure, offline, credentials, signKey, null);
  }

  /** Every app, into local OCI layouts. */
  public static ImageOptions defaults() {
    return new ImageOptions(List.of(), null, null, null, List.of(), false, false, null);
  }

  public ImageOptions apps(List<String> apps) {
    return new ImageOptions(
        apps,
        registry,
        ociLayout,
        tar,
        platforms,
        insecure,
        offline,
        credentials,
        signKey,
        sbomOutput);
  }

  public ImageOptions registry(String registry) {
    return new ImageOptions(
        apps,
        registry,
        ociLayout,
        tar,
        platforms,
        insecure,
        offline,
        credentials,
        signKey,
        sbomOutput);
  }

  public ImageOptions ociLayout(Path ociLayout) {
    return new ImageOptions(
        apps,
        registry,
        ociLayout,
        tar,
        platforms,
        insecure,
        offline,
        credentials,
        signKey,
        sbomOutput);
  }

  public ImageOptions tar(Path tar) {
    return new ImageOptions(
        apps,
        registry,
        ociLayout,
        tar,
        platforms,
        insecure,
        offline,
        credentials,
        signKey,
        sbomOutput);
  }

  public ImageOptions platforms(List<String> platforms) {
    return new ImageOptions(
        apps,
        registry,
        ociLayout,
        tar,
        platforms,
        insecure,
        offline,
        credentials,
        signKey,
        sbomOutput);
  }

  public ImageOptions insecure(boolean insecure) {
    return new ImageOptions(
        apps,
        registry,
        ociLayout,
        tar,
        platforms,
        insecure,
        offline,
        credentials,
        signKey,
        sbomOutput);
  }

  public ImageOptions offline(boolean offline) {
    return new ImageOptions(
        apps,
        registry,
        ociLayout,
        tar,
        platforms,
        insecure,
        offline,
        credentials,
        signKey,
        sbomOutput);
  }

  public ImageOptions credentials(String credentials) {
    return new ImageOptions(
        apps,
        registry,
        ociLayout,
        tar,
        platforms,
        insecure,
        offline,
        credentials,
        signKey,
        sbomOutput);
  }

  /** Also write each image's SBOM to {@code <dir>/<app>.cdx.json}. */
  public ImageOptions sbomOutput(Path sbomOutput) {
    return new ImageOptions(
        apps,
        registry,
        ociLayout,
        tar,
        platforms,
        insecure,
        offline,
        credentials,
        signKey,
        sbomOutput);
  }

  public ImageOptions signKey(String signKey) {
    return new ImageOptions(
        apps,
        registry,
        ociLayout,
        tar,
        platforms,
        insecure,
        offline,
        credentials,
        signKey,
        sbomOutput);
  }
}
