package dev.hoist.chart;

import dev.hoist.artifact.Artifacts;
import dev.hoist.config.ChartConfig;
import dev.hoist.config.ConfigLoader;
import dev.hoist.config.ProjectConfig;
import dev.hoist.git.AppHistory;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Reference;
import dev.hoist.oci.Repository;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import dev.hoist.sign.Signer;
import dev.hoist.sign.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The engine of {@code hoist chart lint|template|package|push|pull}: one method per command. Helm
 * itself ({@link HelmLibrary}) is used only by lint and template.
 */
public final class Charts {
  private static final Pattern OCI_BASE =
      Pattern.compile("oci://[A-Za-z0-9.-]+(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*");
  private final Function<Reference, Repository> repositories;
  private final Consumer<String> progress;
  private final SigningKey key;

  public Charts(Function<Reference, Repository> repositories, Consumer<String> progress) {
    this(repositories, progress, null);
  }

  private Charts(
      Function<Reference, Repository> repositories, Consumer<String> progress, SigningKey key) {
    this.repositories = repositories;
    this.progress = progress;
    this.key = key;
  }

  /**
   * The same commands, each pushed chart then signed by its digest with {@code key} (cosign's
   * format, as images and artifacts are; an unchanged chart is signed again, which adds a signature
   * as cosign does).
   */
  public Charts signedWith(SigningKey key) {
    return new Charts(repositories, progress, key);
  }

  /** For the command line: hoist's registry client with the usual credential chain. */
  public static Charts forRegistries(
      String creds, boolean insecure, Map<String, String> env, Consumer<String> progress) {
    return new Charts(Artifacts.registries(creds, insecure, env, progress), progress);
  }

  /** {@code lint}: Helm's linter and hoist's checks for each chart. */
  public List<ChartLint.Report> lint(
      List<Path> dirs, boolean strict, List<Path> values, Map<String, String> set)
      throws IOException {
    List<ChartLint.Report> reports = new ArrayList<>();
    for (Path dir : dirs) {
      reports.add(ChartLint.lint(ChartFile.load(dir), strict, values, set));
    }
    return reports;
  }

  /** {@code template}: what Helm renders for the chart directory with these values. */
  public String template(
      Path dir,
      List<Path> values,
      Map<String, String> set,
      String release,
      String namespace,
      String kubeVersion) {
    ChartFile.load(dir);
    for (Path v : values) {
      if (!Files.isRegularFile(v)) {
        throw new HoistException(ExitCode.USAGE, "-f " + v + ": no such file");
      }
    }
    return HelmLibrary.template(
        new HelmLibrary.Render(
            dir.toString(),
            null,
            values,
            set,
            release == null ? "release-name" : release,
            namespace,
            kubeVersion,
            false));
  }

  /** {@code package}: the reproducible archive in {@code outputDir}. */
  public PackedChart pack(Path dir, Path outputDir, String version, String appVersion)
      throws IOException {
    PackedChart packed = new ChartPackager().pack(dir, version, appVersion, outputDir);
    packed.warnings().forEach(w -> progress.accept("warning: " + w));
    progress.accept(
        "packaged " + packed.name() + " " + packed.version() + " into " + packed.file());
    return packed;
  }

  /**
   * {@code push CHART_DIR|CHART.tgz oci://REGISTRY/NAMESPACE}: packs a directory (or takes the
   * archive as it is) and pushes it to {@code REGISTRY/NAMESPACE/<name>}.
   */
  public ChartPush push(Path chart, String ociBase, boolean force) throws IOException {
    String base = checkBase(ociBase);
    if (Files.isRegularFile(chart)) {
      ChartFile file = ChartArchive.chartFile(chart);
      PackedChart packed =
          new PackedChart(
              file,
              chart,
              new Descriptor(PackedChart.LAYER_MEDIA_TYPE, Digest.sha256(chart), Files.size(chart)),
              ChartJson.config(file.meta()),
              List.of());
      return publish(packed, base, now(), force);
    }
    Path work = Files.createTempDirectory("hoist-chart-");
    try {
      PackedChart packed = new ChartPackager().pack(chart, null, null, work);
      packed.warnings().forEach(w -> progress.accept("warning: " + w));
      try {
        return publish(packed, base, created(chart), force);
      } finally {
        Files.deleteIfExists(packed.file());
      }
    } finally {
      Files.deleteIfExists(work);
    }
  }

  /**
   * {@code push} with no argument: every chart of hoist.yaml to {@code <registry>/<repository>}; a
   * version already there with the same content is skipped (and said so).
   */
  public List<ChartPush> pushAll(Path hoistYaml, String registry, boolean force)
      throws IOException {
    ProjectConfig config = ConfigLoader.load(hoistYaml);
    if (config.charts().isEmpty()) {
      throw new HoistException(
          ExitCode.USAGE,
          config.file().getFileName()
              + " has no charts: (name a chart: hoist chart push CHART_DIR oci://REGISTRY/NAMESPACE)");
    }
    String target = registry == null ? config.registry() : registry;
    String configured = config.sign().key();
    if (key == null && configured != null) {
      // hoist.yaml's sign.key (a file relative to the project root, or env://VAR), read before
      // anything is uploaded
      String spec = config.signKeySpec();
      SigningKey loaded;
      try {
        loaded = SigningKey.load(spec, System.getenv());
      } catch (IllegalArgumentException e) {
        throw new HoistException(ExitCode.CONFIG, config.where("sign.key") + ": " + e.getMessage());
      }
      return signedWith(loaded).pushAll(hoistYaml, registry, force);
    }
    // every chart is checked (Chart.yaml, packed) before the first upload
    List<PackedChart> packed = new ArrayList<>();
    Path work = Files.createTempDirectory("hoist-charts-");
    try {
      for (ChartConfig chart : config.charts()) {
        PackedChart p =
            new ChartPackager().pack(config.root().resolve(chart.path()), null, null, work);
        p.warnings().forEach(w -> progress.accept("warning: " + w));
        packed.add(p);
      }
      List<ChartPush> out = new ArrayList<>();
      for (int i = 0; i < packed.size(); i++) {
        ChartConfig chart = config.charts().get(i);
        out.add(
            publish(
                packed.get(i),
                checkBase("oci://" + target + "/" + chart.repository()),
                created(config.root().resolve(chart.path())),
                force));
      }
      return out;
    } finally {
      for (PackedChart p : packed) {
        Files.deleteIfExists(p.file());
      }
      Files.deleteIfExists(work);
    }
  }

  /** {@code pull oci://REGISTRY/NAMESPACE/NAME --version V}: the archive into {@code outputDir}. */
  public ChartPuller.Pulled pull(String url, String version, Path outputDir, boolean verify)
      throws IOException {
    String base = checkBase(url);
    ChartFile.checkVersion(version, "--version");
    String name = base.substring(base.lastIndexOf('/') + 1);
    if (base.indexOf('/', "oci://".length()) < 0) {
      throw new HoistException(ExitCode.USAGE, url + ": give oci://REGISTRY/NAMESPACE/NAME");
    }
    Reference ref = Reference.parse(base + ":" + ChartFile.tag(version));
    ChartPuller.Pulled pulled =
        new ChartPuller().pull(repositories.apply(ref), name, version, outputDir, verify);
    progress.accept("pulled " + ref + "@" + pulled.digest() + " into " + pulled.file());
    return pulled;
  }

  private ChartPush publish(PackedChart packed, String base, String created, boolean force)
      throws IOException {
    String url = base + "/" + packed.name();
    Reference ref = Reference.parse(url + ":" + ChartFile.tag(packed.version()));
    ChartPush push =
        new ChartPublisher().publish(repositories.apply(ref), url, packed, created, force);
    push.notes().forEach(progress);
    progress.accept(
        push.pushed()
            ? "pushed " + ref + "@" + push.digest()
            : "skipped " + ref + ": already there with identical content (" + push.digest() + ")");
    if (key == null) {
      return push;
    }
    Digest signature = Signer.sign(repositories.apply(ref), Digest.parse(push.digest()), key);
    progress.accept("signed " + url + "@" + push.digest() + " (" + signature + ")");
    return push.signed(signature.toString());
  }

  private static String checkBase(String url) {
    if (url == null || !OCI_BASE.matcher(url).matches()) {
      throw new HoistException(
          ExitCode.USAGE,
          "'"
              + url
              + "' is not oci://REGISTRY[/NAMESPACE] (lower-case repository names, no tag: the"
              + " tag is the chart version)");
    }
    return url;
  }

  /** The time of the last commit that changed the chart, else now. */
  private static String created(Path chartDir) {
    return AppHistory.lastChange(
            chartDir, List.of(chartDir), chartDir.resolve("Chart.yaml"), t -> null)
        .map(c -> DateTimeFormatter.ISO_INSTANT.format(c.time()))
        .orElseGet(Charts::now);
  }

  private static String now() {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }
}
