package dev.hoist.kustomize;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Renders an overlay with the chosen engine: the embedded one, the kustomize/kubectl binary on
 * PATH, or (auto) the embedded one, falling back to a binary on PATH for a tree it cannot render (a
 * feature it does not have: helmCharts, remote bases, KRM functions), which is said in one line.
 */
public final class Rendering {
  /** How long a kustomize or kubectl run may take (HOIST_RENDER_TIMEOUT, seconds). */
  static final Duration TIMEOUT = Duration.ofMinutes(10);

  private Rendering() {}

  public static String render(Path dir, RenderEngine engine, LoadRestrictor restrictor) {
    return render(dir, engine, restrictor, note -> {});
  }

  /** As {@link #render(Path, RenderEngine, LoadRestrictor)}; {@code notes} hears of a fallback. */
  public static String render(
      Path dir, RenderEngine engine, LoadRestrictor restrictor, Consumer<String> notes) {
    if (engine == RenderEngine.embedded) {
      return Renderer.render(dir, restrictor);
    }
    if (engine == RenderEngine.auto) {
      try {
        return Renderer.render(dir, restrictor);
      } catch (RenderException e) {
        Path binary = onPath("kustomize");
        RenderEngine fallback = RenderEngine.kustomize;
        if (binary == null) {
          binary = onPath("kubectl");
          fallback = RenderEngine.kubectl;
        }
        if (!e.unsupported() || binary == null) {
          throw e;
        }
        notes.accept(
            "render: "
                + e.getMessage().replace("; use --engine kustomize", "")
                + "; rendering with "
                + binary
                + " instead");
        return run(dir, fallback, binary, restrictor);
      }
    }
    Path binary = onPath(engine.name());
    if (binary == null) {
      throw new RenderException("--engine " + engine + ": " + engine + " is not on PATH");
    }
    return run(dir, engine, binary, restrictor);
  }

  private static String run(Path dir, RenderEngine engine, Path binary, LoadRestrictor restrictor) {
    String program = engine.name();
    List<String> cmd = new ArrayList<>(List.of(binary.toString()));
    cmd.add(engine == RenderEngine.kubectl ? "kustomize" : "build");
    cmd.add("--load-restrictor=" + restrictor.name());
    cmd.add(dir.toString());
    Duration timeout = timeout();
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("hoist-render", ".out");
      err = Files.createTempFile("hoist-render", ".err");
      // output to files, so that a binary that never exits cannot hang hoist on a full pipe
      Process p =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new RenderException(
            program
                + " did not finish within "
                + timeout.toSeconds()
                + " s (HOIST_RENDER_TIMEOUT)");
      }
      if (p.exitValue() != 0) {
        String msg = Files.readString(err).strip().replaceAll("\\s*\\n\\s*", " ");
        throw new RenderException(program + " failed for " + dir + ": " + msg);
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RenderException("cannot run " + program + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderException("interrupted while running " + program);
    } finally {
      for (Path p : new Path[] {out, err}) {
        if (p != null) {
          p.toFile().delete();
        }
      }
    }
  }

  private static Duration timeout() {
    String value = System.getenv("HOIST_RENDER_TIMEOUT");
    if (value == null || value.isBlank()) {
      return TIMEOUT;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      throw new RenderException("HOIST_RENDER_TIMEOUT=" + value + ": expected seconds");
    }
  }

  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String d : path.split(File.pathSeparator, -1)) {
      Path candidate = Path.of(d, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
