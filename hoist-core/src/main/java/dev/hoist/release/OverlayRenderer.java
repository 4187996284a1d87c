package dev.hoist.release;

import dev.hoist.kustomize.LoadRestrictor;
import dev.hoist.kustomize.Rendered;
import dev.hoist.kustomize.Renderer;
import java.nio.file.Path;

/**
 * Renders an overlay of the staged or packed tree as Flux's kustomize-controller would (no load
 * restrictions): the release's checks (third-party pins, the packed artifact, validation) see what
 * the cluster will get. {@link #embedded()} is hoist's kustomize engine.
 */
@FunctionalInterface
public interface OverlayRenderer {

  /**
   * Renders the kustomization in {@code dir}; throws {@link dev.hoist.kustomize.RenderException}
   * with one line naming the file and field when it does not render.
   */
  Rendered render(Path dir);

  /** The embedded kustomize v5.5 engine. */
  static OverlayRenderer embedded() {
    return dir -> Renderer.renderObjects(dir, LoadRestrictor.LoadRestrictionsNone);
  }
}
