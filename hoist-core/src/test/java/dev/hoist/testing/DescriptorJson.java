package dev.hoist.testing;

import dev.hoist.oci.Descriptor;

/** A descriptor as an OCI manifest writes it, for manifests tests write by hand. */
public final class DescriptorJson {
  private DescriptorJson() {}

  /** {@code {"mediaType":…,"digest":…,"size":…}}. */
  public static String of(Descriptor d) {
    return "{\"mediaType\":\""
        + d.mediaType()
        + "\",\"digest\":\""
        + d.digest()
        + "\",\"size\":"
        + d.size()
        + "}";
  }
}
