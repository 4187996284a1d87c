package dev.hoist.api;

/**
 * How to render kustomizations (the flags of {@code hoist render}).
 *
 * @param engine which renderer
 * @param loadRestrictor kustomize's {@code --load-restrictor}
 */
public record RenderOptions(Engine engine, LoadRestrictor loadRestrictor) {
  public RenderOptions {
    engine = engine == null ? Engine.auto : engine;
    loadRestrictor =
        loadRestrictor == null ? LoadRestrictor.LoadRestrictionsRootOnly : loadRestrictor;
  }

  /**
   * The embedded engine (falling back to a binary on PATH for what it cannot render), files only
   * from inside each kustomization's directory.
   */
  public static RenderOptions defaults() {
    return new RenderOptions(Engine.auto, LoadRestrictor.LoadRestrictionsRootOnly);
  }

  public RenderOptions engine(Engine engine) {
    return new RenderOptions(engine, loadRestrictor);
  }

  public RenderOptions loadRestrictor(LoadRestrictor loadRestrictor) {
    return new RenderOptions(engine, loadRestrictor);
  }

  /** The renderer; the names are the CLI's {@code --engine} values. */
  public enum Engine {
    /**
     * The embedded engine; a tree it cannot render (helmCharts, remote bases, KRM functions) is
     * rendered by kustomize or kubectl from PATH, which is said on stderr.
     */
    auto,
    /** hoist's own kustomize v5.5 engine: no binary needed; fails on what it cannot render. */
    embedded,
    /** {@code kustomize build} from PATH. */
    kustomize,
    /** {@code kubectl kustomize} from PATH. */
    kubectl
  }

  /** kustomize's {@code --load-restrictor} values. */
  public enum LoadRestrictor {
    /** Every file must resolve inside the directory of the kustomization that names it. */
    LoadRestrictionsRootOnly,
    /** Files may come from anywhere (what Flux uses). */
    LoadRestrictionsNone
  }
}
