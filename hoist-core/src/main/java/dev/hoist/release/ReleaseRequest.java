package dev.hoist.release;

import java.nio.file.Path;

/**
 * Everything a release needs besides hoist.yaml itself.
 *
 * @param config the hoist.yaml file
 * @param destination where to publish; null for the default, a local OCI layout under {@code
 *     target/hoist/oci} of the project
 * @param credentials {@code user:password} for the registry, or null for the credential chain
 * @param snapshot release HEAD as {@code 0.0.0-<sha>} without a tag (never moves {@code latest})
 * @param dryRun compute everything in a temporary directory, then write and push nothing
 * @param offline no network (images from local or cached bases; third-party tags cannot be pinned)
 * @param insecure plain HTTP allowed to registry bases and third-party registries (and to a
 *     registry destination, which says so itself), whatever the destination
 * @param signKey the key every pushed image and artifact is signed with (cosign's format), or null
 * @param noLint release even when lint finds errors in the staged overlays (said loudly)
 * @param openApi a Kubernetes OpenAPI v2 document the rendered overlays are validated against
 *     strictly before anything is pushed; null for the structural checks only (said so)
 * @param sbomOutput a directory each image's SBOM is also written to ({@code <app>.cdx.json}); null
 *     for none
 */
public record ReleaseRequest(
    Path config,
    Destination destination,
    String credentials,
    boolean snapshot,
    boolean dryRun,
    boolean offline,
    boolean insecure,
    String signKey,
    boolean noLint,
    Path openApi,
    Path sbomOutput) {

  /** Without SBOM files. */
  public ReleaseRequest(
      Path config,
      Destination destination,
      String credentials,
      boolean snapshot,
      boolean dryRun,
      boolean offline,
      boolean insecure,
      String signKey,
      boolean noLint,
      Path openApi) {
    this(
        config,
        destination,
        credentials,
        snapshot,
        dryRun,
        offline,
        insecure,
        signKey,
        noLint,
        openApi,
        null);
  }

  /** Without an OpenAPI document. */
  public ReleaseRequest(
      Path config,
      Destination destination,
      String credentials,
      boolean snapshot,
      boolean dryRun,
      boolean offline,
      boolean insecure,
      String signKey,
      boolean noLint) {
    this(
        config,
        destination,
        credentials,
        snapshot,
        dryRun,
        offline,
        insecure,
        signKey,
        noLint,
        null);
  }

  /** An online release. */
  public ReleaseRequest(
      Path config, Destination destination, String credentials, boolean snapshot, boolean dryRun) {
    this(
        config,
        destination,
        credentials,
        snapshot,
        dryRun,
        false,
        destination instanceof Destination.Registry r && r.insecure(),
        null,
        false);
  }
}
