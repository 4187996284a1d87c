package dev.hoist.diff;

import dev.hoist.artifact.Artifacts;
import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.git.Snapshot;
import dev.hoist.kustomize.LoadRestrictor;
import dev.hoist.kustomize.RenderException;
import dev.hoist.kustomize.Renderer;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code hoist diff}: each overlay rendered from the working tree and from a comparison point (a
 * git ref checked out into a temporary tree, or a released manifests artifact pulled into one),
 * compared object by object ({@link ObjectDiff}).
 */
public final class Diff {
  private Diff() {}

  /** The changes of one overlay. */
  public record OverlayDiff(String overlay, List<ObjectDiff.Change> changes) {}

  /** What was compared with what, and the changes per overlay. */
  public record Report(String against, List<OverlayDiff> overlays) {
    public int changes() {
      return overlays.stream().mapToInt(o -> o.changes().size()).sum();
    }
  }

  /** Against the commit {@code ref} names (a branch, a tag, {@code HEAD}, {@code main~1}). */
  public static Report againstRef(ProjectConfig config, List<String> overlays, String ref)
      throws IOException {
    Path tree = Files.createTempDirectory("hoist-diff-");
    try {
      String commit;
      try {
        commit = Snapshot.write(config.root(), ref, tree);
      } catch (IllegalArgumentException e) {
        throw new HoistException(ExitCode.USAGE, e.getMessage());
      }
      Path root = tree.resolve(gitPrefix(config));
      return compare(config, overlays, root, ref + " (" + commit.substring(0, 12) + ")");
    } finally {
      dev.hoist.files.Directories.deleteQuietly(tree);
    }
  }

  /** Against a released manifests artifact ({@code oci://REPO:TAG}), pulled and rendered. */
  public static Report againstArtifact(
      ProjectConfig config, List<String> overlays, String url, Artifacts artifacts)
      throws IOException {
    Path tree = Files.createTempDirectory("hoist-diff-");
    try {
      Path pulled = tree.resolve("artifact");
      artifacts.pull(url, pulled);
      return compare(config, overlays, pulled, url);
    } finally {
      dev.hoist.files.Directories.deleteQuietly(tree);
    }
  }

  static Report compare(ProjectConfig config, List<String> names, Path other, String against) {
    List<OverlayDiff> out = new ArrayList<>();
    List<OverlayConfig> overlays;
    try {
      overlays = config.overlays(names);
    } catch (IllegalArgumentException e) {
      throw new HoistException(ExitCode.USAGE, e.getMessage());
    }
    for (OverlayConfig overlay : overlays) {
      List<Map<String, Object>> now = render(config.root().resolve(overlay.dir()), overlay, "");
      Path then = other.resolve(overlay.dir().toString());
      List<Map<String, Object>> before =
          Files.isDirectory(then) ? render(then, overlay, " in " + against) : List.of();
      out.add(new OverlayDiff(overlay.name(), ObjectDiff.between(before, now)));
    }
    return new Report(against, out);
  }

  private static List<Map<String, Object>> render(Path dir, OverlayConfig overlay, String where) {
    try {
      return Renderer.renderObjects(dir, LoadRestrictor.LoadRestrictionsNone).objects();
    } catch (RenderException e) {
      throw new HoistException(
          ExitCode.FAILURE,
          "overlay " + overlay.name() + where + " does not render: " + e.getMessage());
    }
  }

  /** The project's directory inside its repository ("" when hoist.yaml is at the top). */
  private static String gitPrefix(ProjectConfig config) throws IOException {
    Path dir = config.root().toAbsolutePath().normalize();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p.relativize(dir).toString();
      }
    }
    return "";
  }
}
