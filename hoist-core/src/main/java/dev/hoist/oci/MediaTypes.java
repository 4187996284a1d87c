package dev.hoist.oci;

/** Media types hoist reads and writes. */
public final class MediaTypes {
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String FLUX_CONFIG = "application/vnd.cncf.flux.config.v1+json";
  public static final String FLUX_CONTENT = "application/vnd.cncf.flux.content.v1.tar+gzip";

  private MediaTypes() {}

  /**
   * The Accept header value for manifest reads: every manifest and index type hoist understands.
   */
  public static String manifestAccept() {
    return String.join(", ", OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST);
  }
}
