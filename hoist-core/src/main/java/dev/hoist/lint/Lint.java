package dev.hoist.lint;

import dev.hoist.chart.ChartRelease;
import dev.hoist.config.LintConfig;
import dev.hoist.config.OverlayConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.kustomize.LoadRestrictor;
import dev.hoist.kustomize.RenderException;
import dev.hoist.kustomize.Rendered;
import dev.hoist.kustomize.Renderer;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hoist lint}: every rule over every chosen overlay, rendered as Flux renders it, with
 * hoist.yaml's {@code lint:} options (rules disabled, severities changed, which overlays are
 * production) and per-object {@code hoist.dev/lint-ignore: "ID[,ID…]: reason"} annotations.
 */
public final class Lint {
  /** The annotation that silences rules for one object; the reason after the colon is required. */
  public static final String IGNORE = "hoist.dev/lint-ignore";

  private Lint() {}

  /** The findings, in overlay order, then rule order. */
  public record Report(List<Finding> findings) {
    public Report {
      findings = List.copyOf(findings);
    }

    /** Whether any finding is at least {@code threshold}. */
    public boolean failsAt(Severity threshold) {
      return findings.stream().anyMatch(f -> f.severity().compareTo(threshold) >= 0);
    }
  }

  public static Report run(ProjectConfig config, List<String> overlayNames) {
    return run(config, overlayNames, null);
  }

  /**
   * The findings of the rules, of the units' charts, and of validation ({@code schema}): against
   * the Kubernetes OpenAPI document {@code openApi} when given, else structurally.
   */
  public static Report run(ProjectConfig config, List<String> overlayNames, Path openApi) {
    List<Finding> findings = new ArrayList<>();
    List<OverlayConfig> overlays;
    try {
      overlays = config.overlays(overlayNames);
    } catch (IllegalArgumentException e) {
      throw new HoistException(ExitCode.USAGE, e.getMessage());
    }
    List<LintedOverlay> linted = new ArrayList<>();
    Schemas schemas = Schemas.load(config, openApi);
    for (OverlayConfig overlay : overlays) {
      Path dir = config.root().resolve(overlay.dir());
      Rendered rendered = render(overlay, dir);
      LintedOverlay one = linted(config, overlay, dir, rendered);
      linted.add(one);
      findings.addAll(check(config, one));
      findings.addAll(schemas.check(one, rendered));
    }
    if (overlayNames.isEmpty()) {
      findings.addAll(project(config, linted));
      findings.addAll(charts(config));
    }
    return new Report(findings);
  }

  /** The project rules over hoist.yaml and every overlay, with hoist.yaml's lint options. */
  private static List<Finding> project(ProjectConfig config, List<LintedOverlay> overlays) {
    LintConfig options = config.lint();
    List<Finding> out = new ArrayList<>();
    for (Rule rule : Rules.ALL) {
      if (options.disable().contains(rule.id())) {
        continue;
      }
      String level = options.severity().get(rule.id());
      for (Finding f : rule.checkProject(config, overlays)) {
        Severity severity =
            level == null
                ? f.severity()
                : Severity.valueOf(level.toUpperCase(java.util.Locale.ROOT));
        out.add(
            new Finding(
                f.rule(), severity, f.overlay(), f.file(), f.line(), f.object(), f.message()));
      }
    }
    return out;
  }

  /**
   * The project's charts as the units on the clusters install them: rendered by Helm with each
   * HelmRelease's values and checked ({@link ChartRelease}); rule ids and severities as {@code
   * hoist chart lint} reports them, {@code lint:} options applied.
   */
  static List<Finding> charts(ProjectConfig config) {
    List<Finding> out = new ArrayList<>();
    List<ChartRelease.UnitFinding> found;
    try {
      found = ChartRelease.units(config, Map.of());
    } catch (java.io.IOException e) {
      throw new HoistException(ExitCode.FAILURE, "cannot check the charts: " + e.getMessage());
    }
    LintConfig options = config.lint();
    for (ChartRelease.UnitFinding f : found) {
      String rule = f.finding().rule();
      if (options.disable().contains(rule)) {
        continue;
      }
      String level = options.severity().get(rule);
      Severity severity =
          level != null
              ? Severity.valueOf(level.toUpperCase(java.util.Locale.ROOT))
              : f.finding().error() ? Severity.ERROR : Severity.WARNING;
      Path file = Path.of(f.finding().file());
      String shown =
          file.isAbsolute() && file.startsWith(config.root())
              ? config.root().relativize(file).toString()
              : f.finding().file();
      out.add(
          new Finding(
              rule,
              severity,
              "unit " + f.unit(),
              shown,
              f.finding().line(),
              "HelmRelease/" + f.unit(),
              f.finding().message()));
    }
    return out;
  }

  /** The findings of one overlay rendered from {@code dir} (the project's, or a staged copy). */
  public static List<Finding> run(ProjectConfig config, OverlayConfig overlay, Path dir) {
    return check(config, linted(config, overlay, dir));
  }

  /**
   * The findings of one overlay from {@code dir} that its caller rendered already ({@code
   * rendered}, with located objects; a release renders each staged overlay once for its checks).
   */
  public static List<Finding> run(
      ProjectConfig config, OverlayConfig overlay, Path dir, Rendered rendered) {
    return check(config, linted(config, overlay, dir, rendered));
  }

  /** The overlay rendered from {@code dir}, as the rules see it. */
  private static LintedOverlay linted(ProjectConfig config, OverlayConfig overlay, Path dir) {
    return linted(config, overlay, dir, render(overlay, dir));
  }

  private static Rendered render(OverlayConfig overlay, Path dir) {
    try {
      return Renderer.renderObjects(dir, LoadRestrictor.LoadRestrictionsNone);
    } catch (RenderException e) {
      throw new HoistException(
          ExitCode.FAILURE, "overlay " + overlay.name() + " does not render: " + e.getMessage());
    }
  }

  private static LintedOverlay linted(
      ProjectConfig config, OverlayConfig overlay, Path dir, Rendered rendered) {
    return new LintedOverlay(
        overlay.name(),
        config.lint().production(overlay, config.clusters()),
        rendered.objects(),
        dir.getRoot() == null ? config.root() : rootOf(config, dir, overlay),
        own(config));
  }

  /** The object rules over one overlay, with hoist.yaml's lint options and ignore annotations. */
  private static List<Finding> check(ProjectConfig config, LintedOverlay linted) {
    LintConfig options = config.lint();
    Map<String, Map<String, Object>> byName = new HashMap<>();
    linted.objects().forEach(o -> byName.put(K8s.describe(o), o));
    List<Finding> out = new ArrayList<>();
    for (Rule rule : Rules.ALL) {
      if (options.disable().contains(rule.id())) {
        continue;
      }
      String level = options.severity().get(rule.id());
      for (Finding f : rule.check(linted)) {
        if (ignored(byName.get(f.object()), rule.id())) {
          continue;
        }
        Severity severity =
            level == null
                ? f.severity()
                : Severity.valueOf(level.toUpperCase(java.util.Locale.ROOT));
        out.add(
            new Finding(
                f.rule(), severity, f.overlay(), f.file(), f.line(), f.object(), f.message()));
      }
    }
    return out;
  }

  /** The directory file names are shown relative to: the root the overlay directory is under. */
  private static Path rootOf(ProjectConfig config, Path dir, OverlayConfig overlay) {
    Path absolute = dir.toAbsolutePath().normalize();
    Path rel = overlay.dir();
    Path root = absolute;
    for (int i = 0; i < rel.getNameCount() && root.getParent() != null; i++) {
      root = root.getParent();
    }
    return absolute.endsWith(rel) ? root : config.root();
  }

  /** The names hoist's own apps run under: {@code <registry>/<app>} and the manifests' name. */
  private static java.util.Set<String> own(ProjectConfig config) {
    java.util.Set<String> out = new java.util.HashSet<>();
    config
        .apps()
        .forEach(
            app -> {
              out.add(config.registry() + "/" + app.name());
              out.add(app.image());
            });
    return out;
  }

  static boolean ignored(Map<String, Object> object, String id) {
    if (object == null) {
      return false;
    }
    Object value = K8s.annotations(object).get(IGNORE);
    if (value == null) {
      return false;
    }
    String text = String.valueOf(value);
    int colon = text.indexOf(':');
    if (colon < 0 || text.substring(colon + 1).isBlank()) {
      return false; // a reason is required: without one the rule still applies
    }
    for (String listed : text.substring(0, colon).split(",", -1)) {
      if (listed.strip().equals(id)) {
        return true;
      }
    }
    return false;
  }
}
