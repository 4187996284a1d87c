package dev.hoist.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds images with jib-core, always in OCI format so a registry push and a layout import of the same
 * inputs have the same digest. Registry targets are pushed by Jib; other targets get Jib's OCI tarball
 * imported blob by blob. The build is reproducible: fixed file times and modes, creation time from the
 * request, history {@code hoist:<version>}.
 *
 * <p>Base image layers are cached in {@code cacheDir/base-layers}. Application layers are rebuilt on every
 * build in a scratch directory under {@code cacheDir}, because Jib's application cache is keyed on file
 * path and modification time, not content. Jib runs on an executor this class owns and shuts down.
 *
 * <p>An insecure registry target allows plain HTTP, credentials included (Jib's
 * {@code sendCredentialsOverHttp} is set while such a push runs).
 */
public final class JibImageBuilder implements ImageBuilder {
  static final String TOOL_NAME = "hoist";
  private static final ImageReference TAR_IMAGE_NAME = ImageReference.of("hoist.local", "image", "build");

  private final Path cacheDir;
  private final Consumer<String> progress;

  /**
   * @param cacheDir Jib's cache and scratch space (created when missing)
   * @param progress receives Jib's lifecycle, warning and error lines, for stderr
   */
  public JibImageBuilder(Path cacheDir, Consumer<String> progress) {
    this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** A builder caching under {@code <java.io.tmpdir>/hoist-jib-cache}, with progress on stderr. */
  public static JibImageBuilder withDefaults() {
    return new JibImageBuilder(Path.of(System.getProperty("java.io.tmpdir"), "hoist-jib-cache"),
        System.err::println);
  }

  @Override
  public BuiltImage build(JvmApp app, ImageRequest request, ImageTarget target) throws IOException {
    JibContainerBuilder container = base(request.base())
        .setFormat(ImageFormat.OCI)
        .setFileEntriesLayers(AppLayers.layers(app))
        .setEntrypoint(AppLayers.entrypoint(app))
        .setEnvironment(new TreeMap<>(app.env()))
        .setExposedPorts(ports(app))
        .setLabels(request.imageLabels())
        .setCreationTime(request.created().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    if (app.workingDirectory() != null) {
      container.setWorkingDirectory(AbsoluteUnixPath.get(app.workingDirectory()));
    }
    if (app.user() != null) {
      container.setUser(app.user());
    }
    Files.createDirectories(cacheDir);
    Path work = Files.createTempDirectory(cacheDir, "build-");
    ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
    try {
      if (target instanceof ImageTarget.Registry registry) {
        return toRegistry(app, request, registry, container, work, executor);
      }
      ImageTarget.Layout layout = (ImageTarget.Layout) target;
      Path tar = work.resolve("image.tar");
      Containerizer containerizer = configure(
          Containerizer.to(TarImage.at(tar).named(TAR_IMAGE_NAME)), request, work, executor)
          .setOfflineMode(request.base().kind() != BaseImage.Kind.REGISTRY)
          .setAllowInsecureRegistries(request.base().insecure());
      JibContainer built = containerize(container, containerizer, "building image " + app.name());
      Path blobs = Files.createDirectory(work.resolve("blobs"));
      var digest = OciTarImport.importTar(tar, blobs, dev.hoist.oci.Digest.parse(built.getDigest().toString()),
          layout.repository(), request.tags());
      return new BuiltImage(app.name(), layout.repository().name(), digest, request.tags());
    } finally {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        executor.shutdownNow();
        Thread.currentThread().interrupt();
      }
      deleteTree(work);
    }
  }

  private BuiltImage toRegistry(JvmApp app, ImageRequest request, ImageTarget.Registry registry,
      JibContainerBuilder container, Path work, ExecutorService executor) throws IOException {
    if (request.tags().isEmpty()) {
      throw new IllegalArgumentException("image " + app.name() + ": pushing to " + registry.repository()
          + " needs at least one tag");
    }
    RegistryImage image;
    try {
      image = RegistryImage.named(ImageReference.parse(registry.repository() + ":" + request.tags().get(0)));
    } catch (InvalidImageReferenceException e) {
      throw new IllegalArgumentException("invalid image repository: " + registry.repository());
    }
    image.addCredentialRetriever(() -> registry.credentials().get()
        .map(c -> Credential.from(c.username(), c.password())));
    Containerizer containerizer = configure(Containerizer.to(image), request, work, executor)
        .setAllowInsecureRegistries(registry.insecure() || request.base().insecure());
    for (String tag : request.tags().subList(1, request.tags().size())) {
      containerizer.withAdditionalTag(tag);
    }
    JibContainer built;
    String what = "pushing image " + app.name() + " to " + registry.repository();
    if (registry.insecure()) {
      try (HttpCredentials ignored = HttpCredentials.allow()) {
        built = containerize(container, containerizer, what);
      }
    } else {
      built = containerize(container, containerizer, what);
    }
    return new BuiltImage(app.name(), registry.repository(),
        dev.hoist.oci.Digest.parse(built.getDigest().toString()), request.tags());
  }

  private Containerizer configure(Containerizer containerizer, ImageRequest request, Path work,
      ExecutorService executor) {
    return containerizer
        .setToolName(TOOL_NAME)
        .setToolVersion(request.toolVersion())
        .setExecutorService(executor)
        .setBaseImageLayersCache(cacheDir.resolve("base-layers"))
        .setApplicationLayersCache(work.resolve("app-layers"))
        .addEventHandler(LogEvent.class, this::log);
  }

  private static JibContainerBuilder base(BaseImage base) throws IOException {
    return switch (base.kind()) {
      case SCRATCH -> Jib.fromScratch();
      case TAR -> {
        if (!Files.isRegularFile(base.tar())) {
          throw new NoSuchFileException(base.tar().toString(), null, "base image tar not found");
        }
        yield Jib.from(TarImage.at(base.tar()));
      }
      case REGISTRY -> {
        try {
          yield Jib.from(RegistryImage.named(base.reference()));
        } catch (InvalidImageReferenceException e) {
          throw new IllegalArgumentException("invalid base image reference: " + base.reference());
        }
      }
    };
  }

  private static Set<Port> ports(JvmApp app) {
    Set<Port> ports = new LinkedHashSet<>();
    new TreeSet<>(app.ports()).forEach(p -> ports.add(Port.tcp(p)));
    return ports;
  }

  private static JibContainer containerize(JibContainerBuilder container, Containerizer containerizer,
      String what) throws IOException {
    try {
      return container.containerize(containerizer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(what + ": interrupted");
    } catch (ExecutionException e) {
      throw new IOException(what + " failed: " + oneLine(e.getCause() != null ? e.getCause() : e), e);
    } catch (RegistryException | CacheDirectoryCreationException e) {
      throw new IOException(what + " failed: " + oneLine(e), e);
    }
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    String first = message.strip().lines().findFirst().orElse("");
    return e.getCause() != null && e.getCause().getMessage() != null && !first.contains(e.getCause().getMessage())
        ? first + " (" + e.getCause().getMessage().strip().lines().findFirst().orElse("") + ")"
        : first;
  }

  private void log(LogEvent event) {
    String message = event.getMessage();
    if (message == null || message.isBlank()) {
      return;
    }
    switch (event.getLevel()) {
      case ERROR -> progress.accept("jib error: " + message);
      case WARN -> progress.accept("jib warning: " + message);
      case LIFECYCLE -> progress.accept(message);
      default -> { }
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "hoist-jib-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
