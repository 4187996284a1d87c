package dev.hoist.release;

import dev.hoist.config.OverlayConfig;
import dev.hoist.kustomize.LoadRestrictor;
import dev.hoist.kustomize.RenderException;
import dev.hoist.kustomize.Renderer;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Reference;
import dev.hoist.oci.RegistryClient;
import dev.hoist.overlay.KustomizationEditor;
import dev.hoist.overlay.OverlayStager;
import dev.hoist.overlay.WorkloadImages;
import dev.hoist.run.ExitCode;
import dev.hoist.yaml.SafeYaml;
import dev.hoist.yaml.YamlNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pins the third-party images the staged overlays use by tag ({@code neo4j:5}) to their digests, as
 * hoist pins its own (kbld does the same): each tag is resolved with one HEAD to its registry (the
 * credentials as for the destination), and the overlay gets an {@code images:} entry with the
 * digest. Which overlays: {@code images.pinThirdParty} of hoist.yaml (default: production
 * overlays). The staged overlay is rendered again to check every such image now carries its digest.
 */
final class PinThirdPartyStep implements Step {
  private RegistryClient client;
  private final Map<String, Digest> resolved = new LinkedHashMap<>();

  @Override
  public String name() {
    return "pins";
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    for (OverlayConfig overlay : ctx.config.overlays()) {
      if (ctx.config.images().pins(overlay, ctx.config.clusters())) {
        pin(ctx, overlay);
      }
    }
  }

  private void pin(ReleaseContext ctx, OverlayConfig overlay) throws IOException {
    Map<String, String> byName = byTag(overlay, images(ctx, overlay));
    if (byName.isEmpty()) {
      return;
    }
    if (ctx.request.offline()) {
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
      digests.put(e.getKey(), resolve(ctx, overlay, e.getValue()));
    }
    OverlayStager.editKustomization(
        ctx.staged,
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
        images(ctx, overlay).stream().filter(i -> byName.containsValue(i)).toList();
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
            ctx.progress.say(
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

  private Digest resolve(ReleaseContext ctx, OverlayConfig overlay, String image)
      throws IOException {
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
        client(ctx)
            .repository(ref)
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

  private RegistryClient client(ReleaseContext ctx) {
    if (client == null) {
      client =
          RegistryClient.builder()
              .credentials(ctx.credentials)
              .insecure(ctx.request.insecure())
              .log(ctx.progress::say)
              .build();
    }
    return client;
  }

  /** The images the staged overlay runs, rendered as Flux would (LoadRestrictionsNone). */
  private static List<String> images(ReleaseContext ctx, OverlayConfig overlay) {
    String yaml;
    try {
      yaml =
          Renderer.render(
              ctx.staged.resolve(overlay.dir().toString()), LoadRestrictor.LoadRestrictionsNone);
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
