package dev.hoist.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A local OCI image layout directory ({@code oci-layout}, {@code index.json}, {@code
 * blobs/sha256/...}), readable by {@code skopeo oci:DIR:TAG}. Tags are {@code
 * org.opencontainers.image.ref.name} annotations on index.json's descriptors, one descriptor per
 * tag. The layout is created on the first write; blobs and index.json are written via a temp file
 * and a rename, blobs only after their digest and size are checked. Writers in one JVM are
 * serialised; concurrent writers in other processes are not coordinated.
 */
public final class OciLayout implements Repository {
  private static final String LAYOUT_FILE = "oci-layout";
  private static final byte[] LAYOUT =
      "{\"imageLayoutVersion\":\"1.0.0\"}\n".getBytes(StandardCharsets.UTF_8);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  private OciLayout(Path dir) {
    this.dir = dir;
  }

  /** The layout in {@code dir}; nothing is read or written until it is used. */
  public static OciLayout at(Path dir) {
    return new OciLayout(dir.toAbsolutePath().normalize());
  }

  @Override
  public String name() {
    return dir.toString();
  }

  /** The layout directory. */
  public Path directory() {
    return dir;
  }

  @Override
  public boolean hasBlob(Digest digest) {
    return Files.isRegularFile(blob(digest));
  }

  @Override
  public void pushBlob(Descriptor blob, Path content) throws IOException {
    try (InputStream in = Files.newInputStream(content)) {
      store(blob, in, content.toString());
    }
  }

  @Override
  public void pushBlob(Descriptor blob, byte[] content) throws IOException {
    store(blob, new ByteArrayInputStream(content), "blob " + blob.digest());
  }

  private void store(Descriptor blob, InputStream content, String what) throws IOException {
    Path target = blob(blob.digest());
    if (Files.isRegularFile(target) && Files.size(target) == blob.size()) {
      return;
    }
    init();
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), ".tmp-", "");
    try {
      try (InputStream in = new VerifyingInputStream(content, blob.digest(), blob.size(), what);
          OutputStream out = Files.newOutputStream(temp)) {
        in.transferTo(out);
      }
      AtomicFiles.move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public synchronized Digest pushManifest(byte[] manifest, String mediaType, List<String> tags)
      throws IOException {
    for (String tag : tags) {
      if (!Reference.validTag(tag)) {
        throw new IllegalArgumentException("invalid tag '" + tag + "' for " + dir);
      }
    }
    Descriptor descriptor = Descriptor.of(mediaType, manifest);
    pushBlob(descriptor, manifest);
    LayoutIndex index = index();
    if (tags.isEmpty()) {
      index.add(descriptor);
    }
    for (String tag : tags) {
      index.tag(descriptor, tag);
    }
    AtomicFiles.write(dir.resolve("index.json"), index.toBytes());
    return descriptor.digest();
  }

  @Override
  public synchronized Optional<Digest> resolve(String tag) throws IOException {
    return index().tagged(tag).map(d -> Digest.parse(d.path("digest").asText()));
  }

  @Override
  public Manifest fetchManifest(String reference) throws IOException {
    LayoutIndex index;
    synchronized (this) {
      index = index();
    }
    Optional<ObjectNode> entry =
        reference.contains(":") ? index.byDigest(Digest.parse(reference)) : index.tagged(reference);
    if (entry.isEmpty() && !reference.contains(":")) {
      throw new NoSuchFileException(dir + ": no manifest tagged '" + reference + "' in index.json");
    }
    Digest digest =
        entry
            .map(d -> Digest.parse(d.path("digest").asText()))
            .orElseGet(() -> Digest.parse(reference));
    Path file = blob(digest);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(dir + ": manifest blob " + digest + " is missing");
    }
    long size = Files.size(file);
    if (size > RegistryRepository.MAX_MANIFEST) {
      throw new IOException(file + ": manifest is " + size + " bytes, more than the limit");
    }
    byte[] content;
    try (InputStream in =
        new VerifyingInputStream(Files.newInputStream(file), digest, size, file.toString())) {
      content = in.readAllBytes();
    }
    String mediaType = entry.map(d -> d.path("mediaType").asText("")).orElse("");
    if (mediaType.isEmpty()) {
      JsonNode json = JSON.readTree(content);
      mediaType = json == null ? "" : json.path("mediaType").asText("");
    }
    return new Manifest(content, mediaType, digest);
  }

  @Override
  public InputStream fetchBlob(Descriptor blob) throws IOException {
    Path file = blob(blob.digest());
    return new VerifyingInputStream(
        Files.newInputStream(file), blob.digest(), blob.size(), file.toString());
  }

  @Override
  public synchronized List<String> listTags() throws IOException {
    return index().tags();
  }

  private LayoutIndex index() throws IOException {
    return LayoutIndex.read(dir.resolve("index.json"));
  }

  /** The file of a blob in this layout (it may not exist). */
  public Path blobFile(Digest digest) {
    return blob(digest);
  }

  private Path blob(Digest digest) {
    return dir.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
  }

  /** Creates the layout files when missing; refuses a directory with another layout version. */
  private synchronized void init() throws IOException {
    Path layout = dir.resolve(LAYOUT_FILE);
    if (Files.isRegularFile(layout)) {
      String version =
          JSON.readTree(Files.readAllBytes(layout)).path("imageLayoutVersion").asText("");
      if (!version.equals("1.0.0")) {
        throw new IOException(layout + ": imageLayoutVersion '" + version + "' is not 1.0.0");
      }
    } else {
      Files.createDirectories(dir);
      AtomicFiles.write(layout, LAYOUT);
    }
    Files.createDirectories(dir.resolve("blobs").resolve("sha256"));
    if (!Files.exists(dir.resolve("index.json"))) {
      AtomicFiles.write(
          dir.resolve("index.json"), LayoutIndex.read(dir.resolve("index.json")).toBytes());
    }
  }

  @Override
  public String toString() {
    return "OciLayout[" + dir + "]";
  }
}
