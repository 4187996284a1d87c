package dev.hoist.api;

import java.nio.file.Path;

/**
 * How to release (the flags of {@code hoist release}); hoist.yaml says what.
 *
 * @param registry push to this registry, {@code host[:port]/namespace}, instead of hoist.yaml's;
 *     null for hoist.yaml's (with neither this nor {@code ociLayout}: a local OCI layout under
 *     {@code target/hoist/oci})
 * @param ociLayout write OCI image layouts under this directory instead of pushing; null for none
 * @param insecure allow plain HTTP to the registry
 * @param credentials {@code user:password}, or null for the credential chain (Docker config, {@code
 *     GITHUB_TOKEN} for ghcr.io)
 * @param snapshot release HEAD as {@code 0.0.0-<sha>} without a tag; never moves {@code latest}
 * @param dryRun compute everything against a temporary layout; write and push nothing
 * @param offline no network: images built from local or cached bases, third-party images the
 *     overlays use by tag cannot be pinned (refused, naming them); only to an OCI layout
 * @param signKey sign every pushed image and artifact by digest with this key ({@code FILE} or
 *     {@code env://VAR}, PKCS#8 PEM ECDSA P-256), cosign's format; null for no signatures
 * @param noLint release even when lint finds errors (said loudly)
 * @param sbomOutput also write each image's SBOM to {@code <sbomOutput>/<app>.cdx.json}; null for
 *     none
 */
public record ReleaseOptions(
    String registry,
    Path ociLayout,
    boolean insecure,
    String credentials,
    boolean snapshot,
    boolean dryRun,
    boolean offline,
    String signKey,
    boolean noLint,
    Path sbomOutput) {

  /** Without SBOM files. */
  public ReleaseOptions(
      String registry,
      Path ociLayout,
      boolean insecure,
      String credentials,
      boolean snapshot,
      boolean dryRun,
      boolean offline,
      String signKey,
      boolean noLint) {
    this(
        registry,
        ociLayout,
        insecure,
        credentials,
        snapshot,
        dryRun,
        offline,
        signKey,
        noLint,
        null);
  }

  public ReleaseOptions {
    if (registry != null && ociLayout != null) {
      throw new HoistFailure(
          HoistFailure.USAGE, "give a registry or an OCI layout, not both", null);
    }
    if (registry != null && offline) {
      throw new HoistFailure(
          HoistFailure.USAGE, "--offline cannot push to " + registry + "; use --oci-layout", null);
    }
  }

  /** Online options. */
  public ReleaseOptions(
      String registry,
      Path ociLayout,
      boolean insecure,
      String credentials,
      boolean snapshot,
      boolean dryRun) {
    this(registry, ociLayout, insecure, credentials, snapshot, dryRun, false, null, false);
  }

  /** hoist.yaml's registry, the credential chain, a tagged release. */
  public static ReleaseOptions defaults() {
    return new ReleaseOptions(null, null, false, null, false, false);
  }

  public ReleaseOptions registry(String registry) {
    return new ReleaseOptions(
        registry,
        ociLayout,
        insecure,
        credentials,
        snapshot,
        dryRun,
        offline,
        signKey,
        noLint,
        sbomOutput);
  }

  public ReleaseOptions ociLayout(Path ociLayout) {
    return new ReleaseOptions(
        registry,
        ociLayout,
        insecure,
        credentials,
        snapshot,
        dryRun,
        offline,
        signKey,
        noLint,
        sbomOutput);
  }

  public ReleaseOptions insecure(boolean insecure) {
    return new ReleaseOptions(
        registry,
        ociLayout,
        insecure,
        credentials,
        snapshot,
        dryRun,
        offline,
        signKey,
        noLint,
        sbomOutput);
  }

  public ReleaseOptions credentials(String credentials) {
    return new ReleaseOptions(
        registry,
        ociLayout,
        insecure,
        credentials,
        snapshot,
        dryRun,
        offline,
        signKey,
        noLint,
        sbomOutput);
  }

  public ReleaseOptions snapshot(boolean snapshot) {
    return new ReleaseOptions(
        registry,
        ociLayout,
        insecure,
        credentials,
        snapshot,
        dryRun,
        offline,
        signKey,
        noLint,
        sbomOutput);
  }

  public ReleaseOptions dryRun(boolean dryRun) {
    return new ReleaseOptions(
        registry,
        ociLayout,
        insecure,
        credentials,
        snapshot,
        dryRun,
        offline,
        signKey,
        noLint,
        sbomOutput);
  }

  public ReleaseOptions offline(boolean offline) {
    return new ReleaseOptions(
        registry,
        ociLayout,
        insecure,
        credentials,
        snapshot,
        dryRun,
        offline,
        signKey,
        noLint,
        sbomOutput);
  }

  public ReleaseOptions signKey(String signKey) {
    return new ReleaseOptions(
        registry,
        ociLayout,
        insecure,
        credentials,
        snapshot,
        dryRun,
        offline,
        signKey,
        noLint,
        sbomOutput);
  }

  public ReleaseOptions sbomOutput(Path sbomOutput) {
    return new ReleaseOptions(
        registry,
        ociLayout,
        insecure,
        credentials,
        snapshot,
        dryRun,
        offline,
        signKey,
        noLint,
        sbomOutput);
  }

  public ReleaseOptions noLint(boolean noLint) {
    return new ReleaseOptions(
        registry,
        ociLayout,
        insecure,
        credentials,
        snapshot,
        dryRun,
        offline,
        signKey,
        noLint,
        sbomOutput);
  }
}
