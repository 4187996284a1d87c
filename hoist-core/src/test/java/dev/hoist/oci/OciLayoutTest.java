package dev.hoist.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutTest {
  @TempDir Path dir;

  private static String descriptor(Digest digest, int size, String tag) {
    return "{\"mediaType\":\""
        + MediaTypes.OCI_MANIFEST
        + "\",\"digest\":\""
        + digest
        + "\",\"size\":"
        + size
        + (tag == null
            ? ""
            : ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + tag + "\"}")
        + "}";
  }

  private static String index(String... descriptors) {
    return "{\"schemaVersion\":2,\"mediaType\":\""
        + MediaTypes.OCI_INDEX
        + "\",\"manifests\":["
        + String.join(",", descriptors)
        + "]}\n";
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }

  @Test
  void writesTheLayoutAndTagsOneDescriptorPerTag() throws IOException {
    OciLayout layout = OciLayout.at(dir.resolve("out"));
    TinyImage one = TinyImage.create("one");
    TinyImage two = TinyImage.create("two");
    int size1 = one.manifest().length;
    int size2 = two.manifest().length;
    assertEquals(one.digest(), one.pushTo(layout, "v1", "latest"));
    Path root = dir.resolve("out");
    assertEquals(
        "{\"imageLayoutVersion\":\"1.0.0\"}\n", Files.readString(root.resolve("oci-layout")));
    assertEquals(
        index(descriptor(one.digest(), size1, "v1"), descriptor(one.digest(), size1, "latest")),
        Files.readString(root.resolve("index.json")));

    two.pushTo(layout, "latest");
    assertEquals(
        index(descriptor(one.digest(), size1, "v1"), descriptor(two.digest(), size2, "latest")),
        Files.readString(root.resolve("index.json")));
    assertEquals(Optional.of(two.digest()), layout.resolve("latest"));
    assertEquals(Optional.of(one.digest()), layout.resolve("v1"));
    assertEquals(Optional.empty(), layout.resolve("v2"));
    assertEquals(List.of("latest", "v1"), layout.listTags());
    assertEquals(root.toString(), layout.name());

    Repository.Manifest m = layout.fetchManifest("v1");
    assertArrayEquals(one.manifest(), m.content());
    assertEquals(MediaTypes.OCI_MANIFEST, m.mediaType());
    assertEquals(one.digest(), m.digest());
    assertArrayEquals(two.manifest(), layout.fetchManifest(two.digest().toString()).content());
    try (InputStream in = layout.fetchBlob(one.layerDescriptor())) {
      assertArrayEquals(one.layer(), in.readAllBytes());
    }
    assertTrue(layout.hasBlob(one.configDescriptor().digest()));
    assertEquals(
        7,
        files()
            .size()); // oci-layout, index.json, shared config, 2 layers, 2 manifests: no temp files
  }

  @Test
  void untaggedManifestIsRecordedOnce() throws IOException {
    OciLayout layout = OciLayout.at(dir);
    TinyImage one = TinyImage.create("one");
    one.pushTo(layout);
    one.pushTo(layout);
    assertEquals(
        index(descriptor(one.digest(), one.manifest().length, null)),
        Files.readString(dir.resolve("index.json")));
    assertEquals(List.of(), layout.listTags());
  }

  @Test
  void keepsDescriptorsWrittenByOtherTools() throws IOException {
    TinyImage one = TinyImage.create("one");
    String foreign =
        "{\"mediaType\":\""
            + MediaTypes.OCI_MANIFEST
            + "\",\"digest\":\""
            + one.digest()
            + "\",\"size\":"
            + one.manifest().length
            + ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"},"
            + "\"annotations\":{\"org.opencontainers.image.ref.name\":\"old\"}}";
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(dir.resolve("index.json"), index(foreign));
    OciLayout layout = OciLayout.at(dir);
    one.pushTo(layout, "new");
    assertEquals(
        index(foreign, descriptor(one.digest(), one.manifest().length, "new")),
        Files.readString(dir.resolve("index.json")));
    assertEquals(List.of("new", "old"), layout.listTags());
  }

  @Test
  void refusesContentThatDoesNotMatchItsDescriptorAndLeavesNothing() throws IOException {
    OciLayout layout = OciLayout.at(dir);
    Descriptor good =
        Descriptor.of(MediaTypes.OCI_LAYER_GZIP, "good".getBytes(StandardCharsets.UTF_8));
    IOException e =
        assertThrows(
            IOException.class,
            () -> layout.pushBlob(good, "evil".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        "blob "
            + good.digest()
            + ": content has digest "
            + Digest.sha256("evil".getBytes(StandardCharsets.UTF_8))
            + ", expected "
            + good.digest(),
        e.getMessage());
    assertFalse(layout.hasBlob(good.digest()));
    assertEquals(List.of(Path.of("index.json"), Path.of("oci-layout")), files());
  }

  @Test
  void corruptedBlobFailsWhenRead() throws IOException {
    OciLayout layout = OciLayout.at(dir);
    TinyImage one = TinyImage.create("one");
    one.pushTo(layout, "v1");
    Path manifestFile = dir.resolve("blobs/sha256").resolve(one.digest().hex());
    byte[] bytes = Files.readAllBytes(manifestFile);
    bytes[0] = ' ';
    Files.write(manifestFile, bytes);
    IOException e = assertThrows(IOException.class, () -> layout.fetchManifest("v1"));
    assertTrue(
        e.getMessage().startsWith(manifestFile + ": content has digest sha256:"), e.getMessage());
  }

  @Test
  void refusesAnotherLayoutVersionAndBadTags() throws IOException {
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"2.0.0\"}");
    OciLayout layout = OciLayout.at(dir);
    TinyImage one = TinyImage.create("one");
    IOException e = assertThrows(IOException.class, () -> one.pushTo(layout, "v1"));
    assertEquals(
        dir.resolve("oci-layout") + ": imageLayoutVersion '2.0.0' is not 1.0.0", e.getMessage());
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                OciLayout.at(dir.resolve("x"))
                    .pushManifest(one.manifest(), MediaTypes.OCI_MANIFEST, List.of("a b")));
    assertEquals("invalid tag 'a b' for " + dir.resolve("x"), bad.getMessage());
  }
}
