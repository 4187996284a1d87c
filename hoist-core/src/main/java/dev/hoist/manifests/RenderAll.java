package dev.hoist.manifests;

import dev.hoist.config.ConfigLoader;
import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.files.TextFiles;
import dev.hoist.kustomize.LoadRestrictor;
import dev.hoist.kustomize.RenderEngine;
import dev.hoist.kustomize.RenderException;
import dev.hoist.kustomize.Rendering;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code hoist render --all}: renders every overlay of hoist.yaml into {@code
 * manifests/<overlay>.yaml}, in parallel, rewriting a file only when its content changes (temporary
 * sibling, then rename).
 */
public final class RenderAll {
  /** One overlay's output file (relative to the project root) and whether it was rewritten. */
  public record Written(String overlay, String file, boolean changed) {}

  private RenderAll() {}

  public static List<Written> run(Path configFile, RenderEngine engine, LoadRestrictor restrictor) {
    ProjectConfig config = ConfigLoader.load(configFile);
    List<OverlayConfig> overlays = config.overlays();
    int threads =
        Math.max(1, Math.min(overlays.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "hoist-render");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<String>> rendered = new ArrayList<>();
      for (OverlayConfig o : overlays) {
        Path dir = config.root().resolve(o.dir());
        rendered.add(pool.submit(() -> Rendering.render(dir, engine, restrictor)));
      }
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < overlays.size(); i++) {
        texts.add(get(rendered.get(i), overlays.get(i).name()));
      }
      List<Written> out = new ArrayList<>();
      for (int i = 0; i < overlays.size(); i++) {
        String relative = "manifests/" + overlays.get(i).name() + ".yaml";
        boolean changed = writeIfChanged(config.root().resolve(relative), texts.get(i));
        out.add(new Written(overlays.get(i).name(), relative, changed));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String get(Future<String> f, String overlay) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      String msg = c instanceof RenderException ? c.getMessage() : String.valueOf(c);
      throw new HoistException(ExitCode.FAILURE, "overlay " + overlay + ": " + msg, c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HoistException(ExitCode.FAILURE, "interrupted");
    }
  }

  /**
   * Writes {@code text} to {@code file} via a temporary sibling unless it already holds exactly
   * that.
   */
  static boolean writeIfChanged(Path file, String text) {
    try {
      return TextFiles.writeIfChanged(file, text);
    } catch (java.io.UncheckedIOException e) {
      throw new HoistException(ExitCode.FAILURE, e.getMessage(), e);
    }
  }
}
