package dev.hoist.release;

import dev.hoist.config.AppConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import dev.hoist.run.Progress;
import dev.hoist.sbom.Sboms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Each image's CycloneDX SBOM, made from the layers of the locally built image (the packages of
 * each layer, the base image by digest) before the first upload ({@link #make}), then attached to
 * the published image as an OCI referrer in its repository (the referrers tag schema, which every
 * registry serves) and, with {@code --sbom-output} (not for a dry run), written to a file ({@link
 * #attach}).
 */
final class SbomStep {
  private SbomStep() {}

  /** An image's SBOM, made and not attached yet. */
  @SuppressWarnings("ArrayRecordComponent") // carries bytes; never compared or hashed
  record Made(LocalImage image, byte[] content) {}

  static List<Made> make(ProjectConfig config, List<LocalImage> built) throws IOException {
    List<Made> made = new ArrayList<>();
    for (LocalImage image : built) {
      String base =
          config.apps().stream()
              .filter(a -> a.name().equals(image.app()))
              .map(AppConfig::base)
              .findFirst()
              .orElse(null);
      made.add(
          new Made(image, Sboms.make(image.layout(), image.digest(), image.repository(), base)));
    }
    return made;
  }

  static List<ReleaseResult.Sbom> attach(
      ReleaseRequest request,
      List<Made> made,
      Publishing publishing,
      Pushed pushed,
      Progress progress)
      throws IOException {
    List<ReleaseResult.Sbom> sboms = new ArrayList<>();
    for (Made sbom : made) {
      LocalImage image = sbom.image();
      if (request.sbomOutput() != null && !request.dryRun()) {
        Path file = write(request.sbomOutput(), image.app() + ".cdx.json", sbom.content());
        progress.say("sbom: wrote " + file);
      }
      Repository repo = publishing.repository(image.app());
      Digest attached = Sboms.attach(repo, image.digest(), sbom.content());
      sboms.add(new ReleaseResult.Sbom(image.ref(), attached.toString()));
      pushed.add("SBOM of " + image.ref());
      progress.say("sbom: " + image.ref() + " (" + attached + ")");
    }
    return sboms;
  }

  /** Writes {@code dir/name} through a temporary sibling and an atomic rename. */
  private static Path write(Path dir, String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".sbom", ".tmp");
    Files.write(temp, content);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }
}
