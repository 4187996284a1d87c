package dev.hoist.config;

import dev.hoist.yaml.SafeYaml;
import dev.hoist.yaml.YamlException;
import dev.hoist.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads hoist.yaml strictly: unknown keys, wrong types and dangling names are one-line errors with
 * a line.
 */
public final class ConfigLoader {
  public static final String DEFAULT_NAMESPACE = "flux-system";

  private ConfigLoader() {}

  public static ProjectConfig load(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    String text;
    try {
      if (Files.size(absolute) > SafeYaml.MAX_CODE_POINTS) {
        throw new ConfigException(file + ": larger than " + SafeYaml.MAX_CODE_POINTS + " bytes");
      }
      text = Files.readString(absolute, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          file + ": not found (run hoist in the project root or pass --config)");
    } catch (MalformedInputException e) {
      throw new ConfigException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
    YamlNode root;
    String name = absolute.getFileName().toString();
    try {
      root = SafeYaml.parse(text, name);
    } catch (YamlException e) {
      throw new ConfigException(e.getMessage());
    }
    return read(absolute, name, root);
  }

  private static ProjectConfig read(Path file, String name, YamlNode root) {
    Map<String, Integer> lines = new HashMap<>();
    Fields doc = new Fields(name, "", root, lines);
    String project = doc.dnsLabel("project", null);
    if (project == null) {
      throw doc.error("project", "required");
    }
    String registry = registry(doc);
    Path projectRoot = root(doc, file);
    List<AppConfig> apps = new ArrayList<>();
    List<YamlNode> appNodes = doc.list("apps");
    Set<String> appNames = new HashSet<>();
    for (int i = 0; i < appNodes.size(); i++) {
      AppConfig app = AppReader.read(new Fields(name, "apps[" + i + "]", appNodes.get(i), lines));
      if (!appNames.add(app.name())) {
        throw new ConfigException(
            name
                + ":"
                + appNodes.get(i).line()
                + ": apps["
                + i
                + "].name: duplicate app '"
                + app.name()
                + "'");
      }
      apps.add(app);
    }
    List<OverlayConfig> overlays = overlays(doc);
    List<ChartConfig> charts = ChartsReader.read(doc, projectRoot, apps);
    Fields artifact = doc.child("artifact");
    String artifactRepository = "manifests/" + project;
    if (artifact != null) {
      artifactRepository = artifact.string("repository", artifactRepository);
      artifact.finish();
    }
    Map<String, FluxConfig.ClusterFluxConfig> clusterFlux = new HashMap<>();
    List<ClusterConfig> clusters = clusters(doc, overlays, clusterFlux);
    FluxConfig flux = FluxConfigReader.read(doc, project, clusters, clusterFlux, registry, charts);
    ImagesConfig images = ImagesConfig.DEFAULT;
    Fields imagesFields = doc.child("images");
    if (imagesFields != null) {
      // absent: the default (production overlays); checked as true or false when given
      Boolean pin =
          imagesFields.string("pinThirdParty", null) == null
              ? null
              : imagesFields.bool("pinThirdParty", true);
      imagesFields.finish();
      images = new ImagesConfig(pin);
    }
    LintConfig lint = LintConfig.DEFAULT;
    Fields lintFields = doc.child("lint");
    if (lintFields != null) {
      List<String> production =
          lintFields.node("production") == null ? null : lintFields.strings("production");
      for (String overlay : production == null ? List.<String>of() : production) {
        if (overlays.stream().noneMatch(o -> o.name().equals(overlay))) {
          throw lintFields.error("production", "unknown overlay '" + overlay + "'");
        }
      }
      Map<String, String> severity = lintFields.stringMap("severity");
      for (Map.Entry<String, String> e : severity.entrySet()) {
        if (!e.getValue().equals("error") && !e.getValue().equals("warning")) {
          throw lintFields.error(
              "severity", e.getKey() + ": expected error or warning, found '" + e.getValue() + "'");
        }
      }
      lint = new LintConfig(lintFields.strings("disable"), severity, production);
      lintFields.finish();
    }
    SignConfig sign = SignConfig.NONE;
    Fields signFields = doc.child("sign");
    if (signFields != null) {
      String key = signFields.string("key", null);
      String secretRef = signFields.dnsLabel("secretRef", null);
      if (key == null && secretRef == null) {
        throw doc.error("sign", "give key (FILE or env://VAR) and/or secretRef (a Secret name)");
      }
      signFields.finish();
      sign = new SignConfig(key, secretRef);
    }
    doc.finish();
    return new ProjectConfig(
        file,
        projectRoot,
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
        sign);
  }

  /**
   * The project root: the file's directory, or {@code root:} relative to it (a descriptor generated
   * under {@code target/}, such as the Maven plugin's, names the project it describes).
   */
  private static Path root(Fields doc, Path file) {
    String root = doc.string("root", null);
    if (root == null) {
      return file.getParent();
    }
    Path dir = file.getParent().resolve(root).normalize();
    if (!Files.isDirectory(dir)) {
      throw doc.error("root", "directory not found: " + root);
    }
    return dir;
  }

  private static String registry(Fields doc) {
    String registry = doc.required("registry");
    if (!RegistryPrefix.valid(registry)) {
      throw doc.error(
          "registry", "'" + registry + "' must be HOST[:PORT]/NAMESPACE without a scheme");
    }
    return registry;
  }

  private static List<OverlayConfig> overlays(Fields doc) {
    List<OverlayConfig> out = new ArrayList<>();
    List<YamlNode> nodes = doc.list("overlays");
    for (int i = 0; i < nodes.size(); i++) {
      YamlNode node = nodes.get(i);
      String field = "overlays[" + i + "]";
      OverlayConfig overlay;
      if (node instanceof YamlNode.Scalar) {
        String overlayName = doc.scalar(node, field);
        overlay = new OverlayConfig(overlayName, Path.of("overlays", overlayName));
        doc.lines().put(field, node.line());
      } else {
        Fields f = new Fields(doc.file(), field, node, doc.lines());
        String overlayName = f.dnsLabel("name", null);
        if (overlayName == null) {
          throw f.error("name", "required");
        }
        overlay =
            new OverlayConfig(overlayName, Path.of(f.string("path", "overlays/" + overlayName)));
        f.finish();
      }
      if (!Fields.DNS_LABEL.matcher(overlay.name()).matches()) {
        throw doc.error(node, field, "'" + overlay.name() + "' is not a DNS-1123 label");
      }
      if (out.stream().anyMatch(o -> o.name().equals(overlay.name()))) {
        throw doc.error(node, field, "duplicate overlay '" + overlay.name() + "'");
      }
      out.add(overlay);
    }
    return out;
  }

  private static List<ClusterConfig> clusters(
      Fields doc,
      List<OverlayConfig> overlays,
      Map<String, FluxConfig.ClusterFluxConfig> clusterFlux) {
    List<ClusterConfig> out = new ArrayList<>();
    List<YamlNode> nodes = doc.list("clusters");
    for (int i = 0; i < nodes.size(); i++) {
      Fields f = new Fields(doc.file(), "clusters[" + i + "]", nodes.get(i), doc.lines());
      String clusterName = f.dnsLabel("name", null);
      if (clusterName == null) {
        throw f.error("name", "required");
      }
      List<KustomizationConfig> kustomizations = KustomizationsReader.read(f, overlays);
      if (!kustomizations.isEmpty() && f.string("overlay", null) != null) {
        throw f.error("overlay", "give overlay or kustomizations, not both");
      }
      // a repository without overlays (charts only): its clusters get only their units
      String overlay =
          !kustomizations.isEmpty()
              ? kustomizations.get(0).overlay()
              : overlays.isEmpty() ? f.string("overlay", null) : f.required("overlay");
      if (overlay != null && overlays.stream().noneMatch(o -> o.name().equals(overlay))) {
        throw f.error("overlay", "unknown overlay '" + overlay + "' (not listed under overlays)");
      }
      RefPolicy ref = ref(f);
      Duration interval = duration(f, "interval", Duration.ofMinutes(1));
      Duration timeout = duration(f, "timeout", Duration.ofMinutes(5));
      String namespace = f.dnsLabel("namespace", DEFAULT_NAMESPACE);
      clusterFlux.put(clusterName, FluxConfigReader.cluster(f));
      f.finish();
      if (out.stream().anyMatch(c -> c.name().equals(clusterName))) {
        throw f.error("name", "duplicate cluster '" + clusterName + "'");
      }
      KustomizationsReader.check(f, kustomizations, clusterFlux.get(clusterName).units());
      out.add(
          new ClusterConfig(
              clusterName, overlay, ref, interval, timeout, namespace, kustomizations));
    }
    return out;
  }

  static RefPolicy ref(Fields cluster) {
    Fields ref = cluster.child("ref");
    if (ref == null) {
      return new RefPolicy.Semver(">=0.0.0", null);
    }
    String tag = ref.string("tag", null);
    String semver = ref.string("semver", null);
    String filter = ref.string("semverFilter", null);
    String digest = ref.string("digest", null);
    ref.finish();
    if (digest != null && tag == null && semver == null && filter == null) {
      if (!digest.matches("sha256:[0-9a-f]{64}")) {
        throw cluster.error("ref", "digest '" + digest + "' is not sha256:<64 hex>");
      }
      return new RefPolicy.Digest(digest);
    }
    if ((tag == null) == (semver == null) || digest != null) {
      throw cluster.error("ref", "give exactly one of tag, semver or digest");
    }
    if (tag != null && filter != null) {
      throw cluster.error("ref", "semverFilter goes with semver, not tag");
    }
    if (semver != null) {
      try {
        dev.hoist.git.SemverRange.parse(semver);
      } catch (IllegalArgumentException e) {
        throw ref.error("semver", e.getMessage());
      }
    }
    if (filter != null) {
      try {
        java.util.regex.Pattern.compile(filter);
      } catch (java.util.regex.PatternSyntaxException e) {
        throw ref.error("semverFilter", "'" + filter + "' is not a regular expression");
      }
    }
    return tag != null ? new RefPolicy.Tag(tag) : new RefPolicy.Semver(semver, filter);
  }

  static Duration duration(Fields f, String key, Duration fallback) {
    String value = f.string(key, null);
    if (value == null) {
      return fallback;
    }
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw f.error(key, e.getMessage());
    }
  }
}
