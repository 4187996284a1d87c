package dev.hoist.release;

import dev.hoist.config.AppConfig;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import dev.hoist.sbom.Sboms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Attaches to every published image its CycloneDX SBOM, made from the layers of the locally built
 * image (the packages of each layer, the base image by digest), as an OCI referrer in the image's
 * repository (the referrers tag schema, which every registry serves).
 */
final class SbomStep implements Step {
  @Override
  public String name() {
    return "sbom";
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    for (ReleaseContext.LocalImage image : ctx.built) {
      String base =
          ctx.config.apps().stream()
              .filter(a -> a.name().equals(image.app))
              .map(AppConfig::base)
              .findFirst()
              .orElse(null);
      byte[] sbom = Sboms.make(image.layout, image.digest, image.repository, base);
      if (ctx.request.sbomOutput() != null && !ctx.request.dryRun()) {
        Path file = ctx.request.sbomOutput().resolve(image.app + ".cdx.json");
        Files.createDirectories(ctx.request.sbomOutput());
        Path temp = Files.createTempFile(ctx.request.sbomOutput(), ".sbom", ".tmp");
        Files.write(temp, sbom);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ctx.progress.say("sbom: wrote " + file);
      }
      Repository repo = ctx.publishing.repository(image.app);
      Digest attached = Sboms.attach(repo, image.digest, sbom);
      ctx.sboms.add(
          new ReleaseResult.Sbom(image.repository + "@" + image.digest, attached.toString()));
      ctx.pushed.add("SBOM of " + image.repository + "@" + image.digest);
      ctx.progress.say("sbom: " + image.repository + "@" + image.digest + " (" + attached + ")");
    }
  }
}
