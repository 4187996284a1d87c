package dev.hoist.preview;

import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.kustomize.LoadRestrictor;
import dev.hoist.kustomize.Renderer;
import dev.hoist.oci.Digest;
import dev.hoist.overlay.OverlayStager;
import dev.hoist.overlay.Pin;
import dev.hoist.yaml.SafeYaml;
import dev.hoist.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The overlay a preview applies: staged like a release's (the repository is only read), every app
 * pinned by digest to the image pushed to the preview's registry, rendered by the embedded engine
 * through a wrapper kustomization that labels every object {@code app.kubernetes.io/managed-by:
 * hoist-preview} (metadata only, selectors untouched).
 *
 * @param yaml the rendered objects, as {@code kubectl apply -f -} reads them
 * @param objects what the preview owns now, for the inventory and the prune plan
 * @param tree the staged, pinned tree (base and overlays, without the label wrapper), as the
 *     preview's manifests artifact carries it in {@code --mode flux}
 */
public record PreviewOverlay(String yaml, List<Inventory.Entry> objects, Path tree) {
  /** The label on everything a preview applies. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  public static final String MANAGER = "hoist-preview";

  /**
   * Stages {@code overlay} of the project into {@code work} with each app ({@code digests}: app
   * name to digest) pinned to {@code <registry>/<app>@<digest>}, and renders it.
   */
  public static PreviewOverlay render(
      ProjectConfig config,
      OverlayConfig overlay,
      String registry,
      Map<String, Digest> digests,
      Path work)
      throws IOException {
    List<Pin> pins = new ArrayList<>();
    config
        .apps()
        .forEach(
            app -> {
              Digest digest = digests.get(app.name());
              if (digest != null) {
                pins.add(new Pin(app.image(), registry + "/" + app.name(), digest));
              }
            });
    Set<String> copy = new LinkedHashSet<>();
    if (Files.isDirectory(config.root().resolve("base"))) {
      copy.add("base");
    }
    copy.add(overlay.dir().getName(0).toString());
    Path stage = work.resolve("stage");
    OverlayStager.stage(config.root(), List.copyOf(copy), stage, pins, List.of(overlay.dir()));
    Path wrapper = Files.createDirectories(work.resolve("label"));
    Files.writeString(
        wrapper.resolve("kustomization.yaml"),
        """
        resources:
          - ../stage/%s
        labels:
          - pairs:
              %s: %s
        """
            .formatted(overlay.dir().toString().replace('\\', '/'), MANAGED_BY, MANAGER));
    String yaml = Renderer.render(wrapper, LoadRestrictor.LoadRestrictionsNone);
    List<Inventory.Entry> objects = new ArrayList<>();
    for (YamlNode doc : SafeYaml.parseAll(yaml, "overlay " + overlay.name())) {
      objects.add(Inventory.Entry.of(doc));
    }
    return new PreviewOverlay(yaml, List.copyOf(objects), stage);
  }
}
