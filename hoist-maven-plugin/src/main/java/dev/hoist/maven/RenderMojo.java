package dev.hoist.maven;

import dev.hoist.api.RenderOptions;
import dev.hoist.api.RenderedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code hoist:render}, as {@code hoist render}: every overlay of hoist.yaml into {@code
 * manifests/} ({@code --all}), or with {@code kustomization} that directory's stream into {@code
 * output}.
 */
@Mojo(name = "render", aggregator = true, threadSafe = true)
public class RenderMojo extends HoistMojo {
  /** A kustomization directory to render instead of every overlay of hoist.yaml. */
  @Parameter(property = "hoist.kustomization")
  String kustomization;

  /** Where the stream of {@code kustomization} goes. */
  @Parameter(
      property = "hoist.output",
      defaultValue = "${project.build.directory}/hoist/rendered.yaml")
  String output;

  /** {@code auto} (default), {@code embedded}, {@code kustomize} or {@code kubectl}. */
  @Parameter(property = "hoist.engine", defaultValue = "auto")
  RenderOptions.Engine engine;

  @Override
  void run() throws MojoFailureException {
    RenderOptions options = RenderOptions.defaults().engine(engine);
    if (kustomization == null) {
      RenderedFiles files = hoist().renderAll(options);
      for (RenderedFiles.File file : files.files()) {
        getLog().info("hoist: " + file.file() + (file.changed() ? "" : " (unchanged)"));
      }
      return;
    }
    String yaml = hoist().render(Path.of(kustomization), options);
    Path target = topDirectory().resolve(output);
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".render", ".tmp");
      Files.writeString(temp, yaml, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new MojoFailureException("cannot write " + target + ": " + e.getMessage(), e);
    }
    getLog().info("hoist: rendered " + kustomization + " into " + target);
  }
}
