package dev.hoist.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A multi-platform image: each platform is built by Jib into its own tarball (Jib picks that
 * platform's manifest from a multi-arch base), imported into the target repository by digest, and
 * then an OCI image index listing them, in the requested order, is stored under the tags. A base
 * that has only one platform is caught here: its images would all report the base's platform, which
 * is an error naming it.
 */
final class PlatformIndex {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlatformIndex() {}

  static BuiltImage build(
      ContainerApp app,
      ImageRequest request,
      ImageTarget target,
      JibContainerBuilder container,
      JibRun run,
      JibImageBuilder.TarBuild tarBuild)
      throws IOException {
    if (!(target instanceof ImageTarget.Layout layout)) {
      throw new IllegalArgumentException(
          "image "
              + app.name()
              + ": "
              + request.platforms().size()
              + " platforms need a repository target (a registry or --oci-layout), not a single-image "
              + (target instanceof ImageTarget.Tar ? "tarball" : "Jib push"));
    }
    if (request.base().kind() != BaseImage.Kind.REGISTRY) {
      throw new IllegalArgumentException(
          "image "
              + app.name()
              + ": several platforms need a multi-arch "
              + "registry base image, not "
              + request.base());
    }
    Repository repository = layout.repository();
    List<OciTarImport.Imported> manifests = new ArrayList<>();
    for (String platform : request.platforms()) {
      container.setPlatforms(Set.of(JibImageBuilder.platform(platform)));
      Path dir = Files.createDirectories(run.work.resolve(platform.replace('/', '-')));
      Path tar = dir.resolve("image.tar");
      Digest digest = tarBuild.build(app, request, container, run, tar);
      OciTarImport.Imported imported =
          OciTarImport.importTar(
              tar,
              Files.createDirectory(dir.resolve("blobs")),
              digest,
              repository,
              List.of(),
              run.progress());
      if (!imported.platform().equals(platform)) {
        throw new IllegalArgumentException(
            "image "
                + app.name()
                + ": base image "
                + request.base()
                + " has no "
                + platform
                + " image (it gave "
                + imported.platform()
                + "); use a multi-arch base or one platform");
      }
      manifests.add(imported);
    }
    byte[] index = index(manifests);
    Digest digest = Digest.sha256(index);
    repository.pushManifest(index, MediaTypes.OCI_INDEX, request.tags());
    return new BuiltImage(app.name(), repository.name(), digest, request.tags());
  }

  /**
   * The index bytes: compact JSON, keys in a fixed order, manifests in the requested platform
   * order.
   */
  static byte[] index(List<OciTarImport.Imported> manifests) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", MediaTypes.OCI_INDEX);
    ArrayNode list = root.putArray("manifests");
    for (OciTarImport.Imported m : manifests) {
      ObjectNode entry = list.addObject();
      entry.put("mediaType", MediaTypes.OCI_MANIFEST);
      entry.put("digest", m.digest().toString());
      entry.put("size", m.size());
      ObjectNode platform = entry.putObject("platform");
      platform.put("architecture", m.architecture());
      platform.put("os", m.os());
    }
    return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
  }
}
