package dev.hoist.release;

import dev.hoist.artifact.ArtifactExtractor;
import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.kustomize.RenderException;
import dev.hoist.run.ExitCode;
import dev.hoist.run.Progress;
import dev.hoist.validate.PlaintextSecrets;
import dev.hoist.yaml.SafeYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Renders every overlay from the artifact exactly as it will be pushed (the packed tree, unpacked
 * again), with the embedded engine and Flux's LoadRestrictionsNone, and refuses plaintext Secrets
 * in what it renders. A file the ignore rules removed (a {@code .env}) that an overlay needs is
 * named, with how to keep it out of the overlay. Nothing has been pushed yet.
 */
final class CheckPackedStep {
  private CheckPackedStep() {}

  static void run(
      ProjectConfig config,
      PackArtifactStep.Packed artifact,
      Path staged,
      Path work,
      OverlayRenderer renderer,
      Progress progress)
      throws IOException {
    Path packed = work.resolve("packed");
    try (InputStream in = Files.newInputStream(artifact.artifact().file())) {
      new ArtifactExtractor().extract(in, packed);
    }
    for (OverlayConfig overlay : config.overlays()) {
      String yaml;
      try {
        yaml = renderer.render(packed.resolve(overlay.dir())).yaml();
      } catch (RenderException e) {
        List<String> removed = removed(staged, packed);
        throw new ReleaseException(
            ExitCode.FAILURE,
            "overlay "
                + overlay.name()
                + " does not render from the artifact that would be pushed: "
                + e.getMessage()
                + (removed.isEmpty()
                    ? ""
                    : "; the artifact's ignore rules removed "
                        + String.join(", ", removed)
                        + " (keep secrets out of the overlay: SOPS-encrypt them, or use an"
                        + " ExternalSecret)")
                + "; nothing was pushed",
            e);
      }
      List<dev.hoist.yaml.YamlNode> objects = new java.util.ArrayList<>();
      for (String doc : yaml.split("(?m)^---\\n", -1)) { // one rendered object at a time
        if (!doc.isBlank()) {
          objects.add(SafeYaml.parse(doc, "overlay " + overlay.name()));
        }
      }
      List<PlaintextSecrets.Finding> secrets = PlaintextSecrets.find(objects);
      if (!secrets.isEmpty()) {
        throw new ReleaseException(
            ExitCode.FAILURE,
            "overlay "
                + overlay.name()
                + ": "
                + secrets.get(0).message()
                + (secrets.size() > 1 ? " (and " + (secrets.size() - 1) + " more)" : "")
                + "; nothing was pushed");
      }
    }
    progress.say(
        "render: " + config.overlays().size() + " overlay(s) render from the packed artifact");
  }

  /** Files of the staged tree that are not in the packed one, relative, in order. */
  static List<String> removed(Path staged, Path packed) throws IOException {
    try (Stream<Path> walk = Files.walk(staged)) {
      return walk.filter(Files::isRegularFile)
          .map(staged::relativize)
          .filter(rel -> !Files.exists(packed.resolve(rel)))
          .map(Path::toString)
          .sorted()
          .toList();
    }
  }
}
