package dev.hoist.oci;

import dev.hoist.testing.DescriptorJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny OCI image for tests: config {@code {}} and one gzipped tar layer holding {@code
 * hello.txt}.
 */
@SuppressWarnings("ArrayRecordComponent") // carries bytes; never compared or hashed
record TinyImage(byte[] config, byte[] layer, byte[] manifest) {

  Descriptor configDescriptor() {
    return Descriptor.of(MediaTypes.OCI_CONFIG, config);
  }

  Descriptor layerDescriptor() {
    return Descriptor.of(MediaTypes.OCI_LAYER_GZIP, layer);
  }

  Digest digest() {
    return Digest.sha256(manifest);
  }

  static TinyImage create(String text) throws IOException {
    byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
    byte[] layer = gzip(tar("hello.txt", text.getBytes(StandardCharsets.UTF_8)));
    Descriptor c = Descriptor.of(MediaTypes.OCI_CONFIG, config);
    Descriptor l = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, layer);
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MediaTypes.OCI_MANIFEST
            + "\","
            + "\"config\":"
            + DescriptorJson.of(c)
            + ",\"layers\":["
            + DescriptorJson.of(l)
            + "]}";
    return new TinyImage(config, layer, manifest.getBytes(StandardCharsets.UTF_8));
  }

  /** A ustar archive with one regular file, mode 0644, mtime 0. */
  static byte[] tar(String name, byte[] content) {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", content.length));
    put(header, 136, "00000000000");
    Arrays.fill(header, 148, 156, (byte) ' ');
    header[156] = '0';
    put(header, 257, "ustar");
    put(header, 263, "00");
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    header[154] = 0;
    int padded = (content.length + 511) / 512 * 512;
    byte[] tar = new byte[512 + padded + 1024];
    System.arraycopy(header, 0, tar, 0, 512);
    System.arraycopy(content, 0, tar, 512, content.length);
    return tar;
  }

  private static void put(byte[] target, int offset, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, target, offset, bytes.length);
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }

  /** Pushes blobs then the manifest under {@code tags}. */
  Digest pushTo(Repository repo, String... tags) throws IOException {
    repo.pushBlob(configDescriptor(), config);
    repo.pushBlob(layerDescriptor(), layer);
    return repo.pushManifest(manifest, MediaTypes.OCI_MANIFEST, java.util.List.of(tags));
  }
}
