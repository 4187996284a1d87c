package dev.hoist.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * hoist.yaml, read and checked: the project, its apps, overlays, manifests artifact and clusters.
 *
 * @param root the project root: the directory that holds hoist.yaml (or its {@code root:})
 * @param registry where images and the artifact are published, {@code host[:port]/namespace}
 * @param artifactRepository the manifests artifact's repository below the registry (default {@code
 *     manifests/<project>})
 * @param charts the project's own Helm charts ({@code charts:})
 */
public record ProjectConfig(
    Path file,
    Path root,
    String project,
    String registry,
    List<AppConfig> apps,
    List<OverlayConfig> overlays,
    String artifactRepository,
    List<ClusterConfig> clusters,
    Map<String, Integer> lines,
    FluxConfig flux,
    ImagesConfig images,
    LintConfig lint,
    List<ChartConfig> charts,
    SignConfig sign) {

  /** A project that signs nothing unless told to on the command line. */
  public ProjectConfig(
      Path file,
      Path root,
      String project,
      String registry,
      List<AppConfig> apps,
      List<OverlayConfig> overlays,
      String artifactRepository,
      List<ClusterConfig> clusters,
      Map<String, Integer> lines,
      FluxConfig flux,
      ImagesConfig images,
      LintConfig lint,
      List<ChartConfig> charts) {
    this(
        file,
        root,
        project,
        registry,
        apps,
        overlays,
        artifactRepository,
        clusters,
        lines,
        flux,
        images,
        lint,
        charts,
        SignConfig.NONE);
  }

  /** A project without charts of its own. */
  public ProjectConfig(
      Path file,
      Path root,
      String project,
      String registry,
      List<AppConfig> apps,
      List<OverlayConfig> overlays,
      String artifactRepository,
      List<ClusterConfig> clusters,
      Map<String, Integer> lines,
      FluxConfig flux,
      ImagesConfig images,
      LintConfig lint) {
    this(
        file,
        root,
        project,
        registry,
        apps,
        overlays,
        artifactRepository,
        clusters,
        lines,
        flux,
        images,
        lint,
        List.of());
  }

  /** A project with the default {@code images:} options. */
  public ProjectConfig(
      Path file,
      Path root,
      String project,
      String registry,
      List<AppConfig> apps,
      List<OverlayConfig> overlays,
      String artifactRepository,
      List<ClusterConfig> clusters,
      Map<String, Integer> lines,
      FluxConfig flux) {
    this(
        file,
        root,
        project,
        registry,
        apps,
        overlays,
        artifactRepository,
        clusters,
        lines,
        flux,
        ImagesConfig.DEFAULT,
        LintConfig.DEFAULT);
  }

  /** A project without Flux units or extra cluster options. */
  public ProjectConfig(
      Path file,
      Path root,
      String project,
      String registry,
      List<AppConfig> apps,
      List<OverlayConfig> overlays,
      String artifactRepository,
      List<ClusterConfig> clusters,
      Map<String, Integer> lines) {
    this(
        file,
        root,
        project,
        registry,
        apps,
        overlays,
        artifactRepository,
        clusters,
        lines,
        FluxConfig.empty());
  }

  public ProjectConfig {
    apps = List.copyOf(apps);
    overlays = List.copyOf(overlays);
    clusters = List.copyOf(clusters);
    lines = Map.copyOf(lines);
    charts = List.copyOf(charts);
    sign = sign == null ? SignConfig.NONE : sign;
  }

  /**
   * {@code sign.key} as {@code --sign-key} takes it: {@code env://VAR}, or the file resolved
   * against the project root; null when hoist.yaml names none.
   */
  public String signKeySpec() {
    String key = sign.key();
    if (key == null || key.startsWith("env://")) {
      return key;
    }
    return root.resolve(key).toString();
  }

  /** {@code hoist.yaml:12: apps[0].jar} — where a field was written, for error messages. */
  public String where(String field) {
    Integer line = lines.get(field);
    return file.getFileName() + (line == null ? "" : ":" + line) + ": " + field;
  }

  /**
   * The overlays {@code names} names, in that order (all when empty); an unknown name is an {@link
   * IllegalArgumentException}: {@code --overlay prod: not in hoist.yaml (overlays: dev, staging)}.
   */
  public List<OverlayConfig> overlays(List<String> names) {
    if (names.isEmpty()) {
      return overlays;
    }
    List<OverlayConfig> out = new java.util.ArrayList<>();
    for (String name : names) {
      out.add(
          overlay(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--overlay "
                              + name
                              + ": not in "
                              + file.getFileName()
                              + " (overlays: "
                              + String.join(
                                  ", ", overlays.stream().map(OverlayConfig::name).toList())
                              + ")")));
    }
    return out;
  }

  public Optional<OverlayConfig> overlay(String name) {
    return overlays.stream().filter(o -> o.name().equals(name)).findFirst();
  }
}
