package dev.hoist.release;

import dev.hoist.config.OverlayConfig;
import dev.hoist.kustomize.LoadRestrictor;
import dev.hoist.kustomize.RenderException;
import dev.hoist.kustomize.Renderer;
import dev.hoist.run.ExitCode;

/**
 * Renders every staged (pinned) overlay with the embedded engine before anything is pushed; a
 * release whose overlays do not build stops here. Flux builds with LoadRestrictionsNone, so this
 * does too.
 */
final class RenderOverlaysStep implements Step {
  @Override
  public String name() {
    return "render";
  }

  @Override
  public void run(ReleaseContext ctx) {
    for (OverlayConfig overlay : ctx.config.overlays()) {
      try {
        Renderer.render(ctx.staged.resolve(overlay.dir()), LoadRestrictor.LoadRestrictionsNone);
      } catch (RenderException e) {
        throw new ReleaseException(
            ExitCode.FAILURE,
            "overlay " + overlay.name() + " does not render: " + e.getMessage(),
            e);
      }
    }
    ctx.progress.say("render: " + ctx.config.overlays().size() + " overlay(s) render");
  }
}
