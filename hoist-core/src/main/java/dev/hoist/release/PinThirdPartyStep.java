package dev.hoist.release;

import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.kustomize.RenderException;
import dev.hoist.oci.Credentials;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Reference;
import dev.hoist.overlay.KustomizationEditor;
import dev.hoist.overlay.OverlayStager;
import dev.hoist.overlay.WorkloadImages;
import dev.hoist.run.ExitCode;
import dev.hoist.run.Progress;
import dev.hoist.yaml.SafeYaml;
import dev.hoist.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pins the third-party images the staged overlays use by tag ({@code neo4j:5}) to their digests, as
 * hoist pins its own (kbld does the same): each tag is resolved with one HEAD to its registry (the
 * credentials as for the destination), and the overlay gets an {@code images:} entry with the
 * digest. Which overlays: {@code images.pinThirdParty} of hoist.yaml (default: production
 * overlays). The staged overlay is rendered again to check every such image now carries its digest.
 * The registry client is opened only when an image needs pinning.
 */
final class PinThirdPartyStep {
  private final Registries registries;
  private final OverlayRenderer renderer;
  private final Credentials credentials;
  private final ReleaseRequest request;
  private final Progress progress;
  private Registries.Client client;
  private final Map<String, Digest> resolved = new LinkedHashMap<>();

  PinThirdPartyStep(
      Registries registries,
      OverlayRenderer renderer,
      Credentials credentials,
      ReleaseRequest request,
      Progress progress) {
    this.registries = registries;
    this.renderer = renderer;
    this.credentials = credentials;
    this.request = request;
    this.progress = progress;
  }

  /** Pins the third-party images of the staged tree {@code staged} in place. */
  void run(ProjectConfig config, Path staged) throws IOException {
    for (OverlayConfig overlay : config.overlays()) {
      if (config.images().pins(overlay, config.clusters())) {
        pin(staged, overlay);
      }
    }
  }

  private void pin(Path staged, OverlayConfig overlay) throws IOException {
    Map<String, String> byName = byTag(overlay, images(staged, overlay));
    if (byName.isEmpty()) {
      return;
    }
    if (request.offline()) {
      throw new ReleaseException(
          ExitCode.FAILURE,
          "--offline: overlay "
              + overlay.name()
              + " uses third-party images by tag, which a release pins to digests: "
              + String.join(", ", byName.values())
              + " (pin them in the overlay as name@sha256:…, or set images.pinThirdParty: false)");
    }
    Map<String, Digest> digests = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : byName.entrySet()) {
      digests.put(e.getKey(), resolve(overlay, e.getValue()));
    }
    OverlayStager.editKustomization(
        staged,
        overlay.dir(),
        text -> {
          String edited = text;
          for (Map.Entry<String, Digest> d : digests.entrySet()) {
            edited =
                KustomizationEditor.setImage(edited, d.getKey(), null, d.getValue().toString());
          }
          return edited;
        });
    List<String> still =
        images(staged, overlay).stream().filter(i -> byName.containsValue(i)).toList();
    if (!still.isEmpty()) {
      throw new ReleaseException(
          ExitCode.FAILURE,
          "overlay "
              + overlay.name()
              + ": could not pin "
              + String.join(", ", still)
              + " by digest");
    }
    byName.forEach(
        (name, image) ->
            progress.say(
                "pins: overlay "
                    + overlay.name()
                    + ": "
                    + image
                    + " -> "
                    + name
                    + "@"
                    + digests.get(name)));
  }

  /** The overlay's images that name a tag and no digest, by name (as written, without the tag). */
  private static Map<String, String> byTag(OverlayConfig overlay, List<String> images) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String image : images) {
      if (image.contains("@")) {
        continue; // pinned already (hoist's own images, or by the user)
      }
      int colon = image.lastIndexOf(':');
      String name = colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
      String other = byName.putIfAbsent(name, image);
      if (other != null && !other.equals(image)) {
        throw new ReleaseException(
            ExitCode.FAILURE,
            "overlay "
                + overlay.name()
                + " runs "
                + name
                + " as both "
                + other
                + " and "
                + image
                + ", which one images: entry cannot pin apart (pin them as name@sha256:… in the"
                + " manifests, or use one tag)");
      }
    }
    return byName;
  }

  private Digest resolve(OverlayConfig overlay, String image) throws IOException {
    Digest known = resolved.get(image);
    if (known != null) {
      return known;
    }
    Reference ref;
    try {
      ref = Reference.parse(image);
    } catch (IllegalArgumentException e) {
      throw new ReleaseException(
          ExitCode.FAILURE, "overlay " + overlay.name() + ": image " + e.getMessage());
    }
    String tag = ref.tag().orElse("latest");
    Digest digest =
        client()
            .repository(ref.registry() + "/" + ref.repository())
            .resolve(tag)
            .orElseThrow(
                () ->
                    new ReleaseException(
                        ExitCode.REGISTRY,
                        "overlay "
                            + overlay.name()
                            + ": image "
                            + image
                            + ": tag "
                            + tag
                            + " not found in "
                            + ref.registry()
                            + "/"
                            + ref.repository()));
    resolved.put(image, digest);
    return digest;
  }

  private Registries.Client client() {
    if (client == null) {
      client =
          registries.open(
              new Registries.Access(credentials, request.insecure(), Set.of(), progress::say));
    }
    return client;
  }

  /** The images the staged overlay runs, rendered as Flux would (LoadRestrictionsNone). */
  private List<String> images(Path staged, OverlayConfig overlay) {
    String yaml;
    try {
      yaml = renderer.render(staged.resolve(overlay.dir().toString())).yaml();
    } catch (RenderException e) {
      throw new ReleaseException(
          ExitCode.FAILURE, "overlay " + overlay.name() + " does not render: " + e.getMessage(), e);
    }
    List<YamlNode> objects = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\n", -1)) {
      if (!doc.isBlank()) {
        objects.add(SafeYaml.parse(doc, "overlay " + overlay.name()));
      }
    }
    return List.copyOf(WorkloadImages.of(objects));
  }
}
