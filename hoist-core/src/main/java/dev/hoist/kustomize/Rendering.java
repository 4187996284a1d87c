package dev.hoist.kustomize;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders an overlay with the chosen engine: the embedded one, or the kustomize/kubectl binary on
 * PATH.
 */
public final class Rendering {
  private Rendering() {}

  public static String render(Path dir, RenderEngine engine, LoadRestrictor restrictor) {
    if (engine == RenderEngine.embedded) {
      return Renderer.render(dir, restrictor);
    }
    String program = engine.name();
    Path binary = onPath(program);
    if (binary == null) {
      throw new RenderException("--engine " + program + ": " + program + " is not on PATH");
    }
    List<String> cmd = new ArrayList<>(List.of(binary.toString()));
    cmd.add(engine == RenderEngine.kubectl ? "kustomize" : "build");
    cmd.add("--load-restrictor=" + restrictor.name());
    cmd.add(dir.toString());
    try {
      Path err = Files.createTempFile("hoist-render", ".err");
      try {
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new RenderException(program + " did not finish in 10 minutes");
        }
        if (p.exitValue() != 0) {
          String msg = Files.readString(err).strip().replaceAll("\\s*\\n\\s*", " ");
          throw new RenderException(program + " failed for " + dir + ": " + msg);
        }
        return new String(out, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new RenderException("cannot run " + program + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderException("interrupted while running " + program);
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
