package dev.hoist.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.oci.Repository;
import dev.hoist.tar.TarReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Imports the OCI-format tarball Jib writes ({@code oci-layout}, {@code index.json}, {@code
 * blobs/sha256/...}) into a {@link Repository}: every blob is checked against its name, pushed, and
 * then the manifest is pushed under the tags. The manifest must be the one Jib reported.
 */
final class OciTarImport {
  private static final String BLOB_PREFIX = "blobs/sha256/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private OciTarImport() {}

  /**
   * An imported image manifest.
   *
   * @param digest the manifest digest
   * @param size the manifest's size in bytes
   * @param os the image config's {@code os}
   * @param architecture the image config's {@code architecture}
   */
  record Imported(Digest digest, long size, String os, String architecture) {
    String platform() {
      return os + "/" + architecture;
    }
  }

  /**
   * Imports {@code tar} (unpacking blobs into {@code workDir}); returns the manifest and its
   * platform.
   */
  static Imported importTar(
      Path tar, Path workDir, Digest expected, Repository repository, List<String> tags)
      throws IOException {
    return importTar(tar, workDir, expected, repository, tags, line -> {});
  }

  /**
   * As above; each blob the repository did not have yet is reported to {@code progress} once
   * stored.
   */
  static Imported importTar(
      Path tar,
      Path workDir,
      Digest expected,
      Repository repository,
      List<String> tags,
      java.util.function.Consumer<String> progress)
      throws IOException {
    Map<Digest, Path> blobs = new HashMap<>();
    byte[] index = null;
    try (InputStream in = Files.newInputStream(tar)) {
      TarReader reader = new TarReader(in);
      for (TarReader.Entry entry; (entry = reader.next()) != null; ) {
        if (entry.type() != '0') {
          continue;
        }
        if (entry.name().equals("index.json")) {
          index = reader.content().readAllBytes();
        } else if (entry.name().startsWith(BLOB_PREFIX)) {
          Digest digest = new Digest("sha256", entry.name().substring(BLOB_PREFIX.length()));
          Path file = workDir.resolve(digest.hex());
          Digest actual = copy(reader.content(), file);
          if (!actual.equals(digest)) {
            throw new IOException(
                "Jib tarball " + tar + ": blob " + digest + " has digest " + actual);
          }
          blobs.put(digest, file);
        }
      }
    }
    if (index == null) {
      throw new IOException("Jib tarball " + tar + " has no index.json");
    }
    JsonNode manifests = JSON.readTree(index).path("manifests");
    if (manifests.size() != 1) {
      throw new IOException(
          "Jib tarball " + tar + " index.json lists " + manifests.size() + " manifests, not 1");
    }
    Digest manifestDigest = Digest.parse(manifests.get(0).path("digest").asText());
    if (!manifestDigest.equals(expected)) {
      throw new IOException(
          "Jib tarball "
              + tar
              + " holds manifest "
              + manifestDigest
              + " but Jib reported "
              + expected);
    }
    byte[] manifest = Files.readAllBytes(blob(blobs, manifestDigest, tar));
    if (!Digest.sha256(manifest).equals(expected)) {
      throw new IOException("Jib tarball " + tar + ": manifest bytes do not hash to " + expected);
    }
    JsonNode root = JSON.readTree(manifest);
    String mediaType = root.path("mediaType").asText();
    if (!MediaTypes.OCI_MANIFEST.equals(mediaType)) {
      throw new IOException("Jib tarball " + tar + ": manifest media type is " + mediaType);
    }
    push(repository, root.path("config"), blobs, tar, progress);
    for (JsonNode layer : root.path("layers")) {
      push(repository, layer, blobs, tar, progress);
    }
    Digest pushed = repository.pushManifest(manifest, mediaType, tags);
    if (!pushed.equals(expected)) {
      throw new IOException(
          "repository " + repository.name() + " stored manifest " + expected + " as " + pushed);
    }
    JsonNode config =
        JSON.readTree(
            Files.readAllBytes(
                blob(blobs, Digest.parse(root.path("config").path("digest").asText()), tar)));
    return new Imported(
        pushed, manifest.length, config.path("os").asText(), config.path("architecture").asText());
  }

  private static void push(
      Repository repository,
      JsonNode node,
      Map<Digest, Path> blobs,
      Path tar,
      java.util.function.Consumer<String> progress)
      throws IOException {
    Digest digest = Digest.parse(node.path("digest").asText());
    Path file = blob(blobs, digest, tar);
    long size = node.path("size").asLong(-1);
    if (size != Files.size(file)) {
      throw new IOException(
          "Jib tarball "
              + tar
              + ": blob "
              + digest
              + " is "
              + Files.size(file)
              + " bytes, manifest says "
              + size);
    }
    if (repository.hasBlob(digest)) {
      return;
    }
    repository.pushBlob(new Descriptor(node.path("mediaType").asText(), digest, size), file);
    progress.accept(
        "stored blob "
            + digest.toString().substring(0, 19)
            + ": "
            + TransferProgress.size(size)
            + " in "
            + repository.name());
  }

  private static Path blob(Map<Digest, Path> blobs, Digest digest, Path tar) throws IOException {
    Path file = blobs.get(digest);
    if (file == null) {
      throw new IOException("Jib tarball " + tar + " lacks blob " + digest);
    }
    return file;
  }

  private static Digest copy(InputStream in, Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), md)) {
      in.transferTo(out);
    }
    return new Digest("sha256", HexFormat.of().formatHex(md.digest()));
  }
}
