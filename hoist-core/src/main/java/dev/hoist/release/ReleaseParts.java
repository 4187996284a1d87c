package dev.hoist.release;

import dev.hoist.image.ImageBuilders;
import dev.hoist.images.Caches;
import java.util.Objects;

/**
 * The collaborators a release runs with, one small interface per concern (ko's build and publish
 * interfaces are the model): what builds the images, what opens registry repositories, what renders
 * the overlays. {@link #real()} is what the CLI and the Maven plugin (through the facade) use;
 * tests replace one part with a fake or wrap it in a decorator.
 *
 * @param builders opens the image builder of a release (Jib)
 * @param registries opens the registry repositories a release reads and writes (hoist's client)
 * @param renderer renders a staged or packed overlay as Flux would (the embedded kustomize engine)
 */
public record ReleaseParts(
    ImageBuilders builders, Registries registries, OverlayRenderer renderer) {

  public ReleaseParts {
    Objects.requireNonNull(builders, "builders");
    Objects.requireNonNull(registries, "registries");
    Objects.requireNonNull(renderer, "renderer");
  }

  /** Jib (with its base-layer cache), hoist's registry client, the embedded kustomize engine. */
  public static ReleaseParts real() {
    return new ReleaseParts(
        ImageBuilders.jib(Caches.dir(System.getenv()).resolve("jib")),
        Registries.client(),
        OverlayRenderer.embedded());
  }

  /** The same parts with another image builder. */
  public ReleaseParts withBuilders(ImageBuilders value) {
    return new ReleaseParts(value, registries, renderer);
  }

  /** The same parts with another registry client. */
  public ReleaseParts withRegistries(Registries value) {
    return new ReleaseParts(builders, value, renderer);
  }

  /** The same parts with another overlay renderer. */
  public ReleaseParts withRenderer(OverlayRenderer value) {
    return new ReleaseParts(builders, registries, value);
  }
}
