package dev.hoist.testing;

import dev.hoist.image.BuiltImage;
import dev.hoist.image.ContainerApp;
import dev.hoist.image.ImageBuilder;
import dev.hoist.image.ImageRequest;
import dev.hoist.image.ImageTarget;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A fixed fake of Jib: each app's image is a config naming the app and one empty layer, stored
 * under the request's tags in the target repository, so the digest depends on the app name only.
 * Records what it was asked to build.
 */
public final class FakeImageBuilder implements ImageBuilder {
  public final List<String> built = new ArrayList<>();

  @Override
  public BuiltImage build(ContainerApp app, ImageRequest request, ImageTarget target)
      throws IOException {
    if (!(target instanceof ImageTarget.Layout layout)) {
      throw new IOException("the fake builds into a repository only, not " + target);
    }
    built.add(app.name() + " " + request.tags());
    byte[] layer = emptyLayer();
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{\"app\":\""
                + app.name()
                + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + Digest.sha256(new byte[1024])
                + "\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    Descriptor layerDescriptor =
        Descriptor.of("application/vnd.oci.image.layer.v1.tar+gzip", layer);
    Descriptor configDescriptor = Descriptor.of("application/vnd.oci.image.config.v1+json", config);
    layout.repository().pushBlob(layerDescriptor, layer);
    layout.repository().pushBlob(configDescriptor, config);
    byte[] manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":"
                + DescriptorJson.of(configDescriptor)
                + ",\"layers\":["
                + DescriptorJson.of(layerDescriptor)
                + "]}")
            .getBytes(StandardCharsets.UTF_8);
    Digest digest =
        layout
            .repository()
            .pushManifest(manifest, "application/vnd.oci.image.manifest.v1+json", request.tags());
    return new BuiltImage(app.name(), layout.repository().name(), digest, request.tags());
  }

  /** A tar of no entries (two zero blocks), gzipped without a time stamp. */
  private static byte[] emptyLayer() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(new byte[1024]);
    }
    return bytes.toByteArray();
  }
}
