package dev.hoist.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.hoist.oci.Credentials;
import dev.hoist.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Builds images with jib-core, always in OCI format so a registry push and a layout import of the
 * same inputs have the same digest. Registry targets are pushed by Jib; other targets get Jib's OCI
 * tarball imported blob by blob. Several platforms are built one at a time into tarballs, imported
 * into the target repository and tied together by an OCI image index ({@link PlatformIndex}). The
 * build is reproducible: fixed file times and modes, creation time from the request (whole
 * seconds), history {@code hoist:<version>}. Scratch and tar bases, and offline requests, run Jib
 * offline.
 *
 * <p>Base image layers are cached in {@code cacheDir/base-layers}. Application layers are rebuilt
 * on every build in a scratch directory under {@code cacheDir}, because Jib's application cache is
 * keyed on file path and modification time, not content. Jib runs on an executor this class owns
 * and shuts down.
 *
 * <p>Registry base images get credentials from the shared {@link Credentials} chain. An insecure
 * registry target or base allows plain HTTP, credentials included (Jib's {@code
 * sendCredentialsOverHttp} is set while such a build runs).
 */
public final class JibImageBuilder implements ImageBuilder {
  static final ImageReference TAR_IMAGE_NAME = ImageReference.of("hoist.local", "image", "build");

  private final Path cacheDir;
  private final Consumer<String> progress;
  private final Credentials baseCredentials;

  /**
   * @param cacheDir Jib's cache and scratch space (created when missing)
   * @param progress receives Jib's lifecycle, warning and error lines, for stderr
   * @param baseCredentials credentials for pulling registry base images
   */
  public JibImageBuilder(Path cacheDir, Consumer<String> progress, Credentials baseCredentials) {
    this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.baseCredentials = Objects.requireNonNull(baseCredentials, "baseCredentials");
  }

  /** A builder that pulls registry bases anonymously. */
  public JibImageBuilder(Path cacheDir, Consumer<String> progress) {
    this(cacheDir, progress, Credentials.none());
  }

  /** A builder caching under {@code <java.io.tmpdir>/hoist-jib-cache}, with progress on stderr. */
  public static JibImageBuilder withDefaults() {
    return new JibImageBuilder(
        Path.of(System.getProperty("java.io.tmpdir"), "hoist-jib-cache"), System.err::println);
  }

  @Override
  public BuiltImage build(ContainerApp app, ImageRequest request, ImageTarget target)
      throws IOException {
    warnAboutUser(app);
    if (request.base().kind() == BaseImage.Kind.REGISTRY && !request.base().pinned()) {
      progress.accept(
          "warning: image "
              + app.name()
              + ": base "
              + request.base()
              + " is not pinned by digest "
              + "(name@sha256:...); the same commit may build a different image when the tag moves");
    }
    JibContainerBuilder container = container(app, request);
    if (request.offline() && target instanceof ImageTarget.Registry registry) {
      throw new IllegalArgumentException(
          "image "
              + app.name()
              + ": offline, cannot push to "
              + registry.repository()
              + " (use --oci-layout or --tar)");
    }
    try (JibRun run = JibRun.open(cacheDir, progress)) {
      if (request.platforms().size() > 1) {
        return PlatformIndex.build(app, request, target, container, run, this::toTar);
      }
      if (request.platforms().size() == 1) {
        container.setPlatforms(Set.of(platform(request.platforms().get(0))));
      }
      if (target instanceof ImageTarget.Registry registry) {
        return push(app, request, registry, container, run);
      }
      Path tar = run.work.resolve("image.tar");
      Digest digest =
          target instanceof ImageTarget.Tar file
              ? toTar(app, request, container, run, tar, tarName(file))
              : toTar(app, request, container, run, tar);
      if (target instanceof ImageTarget.Tar file) {
        Path out = file.file().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Path temp = Files.createTempFile(out.getParent(), "." + out.getFileName(), ".tmp");
        Files.copy(tar, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(
            temp,
            out,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new BuiltImage(app.name(), out.toString(), digest, request.tags());
      }
      ImageTarget.Layout layout = (ImageTarget.Layout) target;
      OciTarImport.Imported imported =
          OciTarImport.importTar(
              tar,
              Files.createDirectory(run.work.resolve("blobs")),
              digest,
              layout.repository(),
              request.tags(),
              progress);
      return new BuiltImage(
          app.name(), layout.repository().name(), imported.digest(), request.tags());
    }
  }

  /**
   * Builds {@code container} into an OCI tarball at {@code tar}; returns the manifest digest Jib
   * reports.
   */
  private Digest toTar(
      ContainerApp app, ImageRequest request, JibContainerBuilder container, JibRun run, Path tar)
      throws IOException {
    return toTar(app, request, container, run, tar, TAR_IMAGE_NAME);
  }

  private Digest toTar(
      ContainerApp app,
      ImageRequest request,
      JibContainerBuilder container,
      JibRun run,
      Path tar,
      ImageReference name)
      throws IOException {
    Containerizer containerizer =
        run.configure(Containerizer.to(TarImage.at(tar).named(name)), request.toolVersion())
            .setOfflineMode(request.offline() || request.base().kind() != BaseImage.Kind.REGISTRY)
            .setAllowInsecureRegistries(request.base().insecure());
    JibContainer built;
    if (request.base().insecure()) {
      try (HttpCredentials ignored = HttpCredentials.allow()) {
        built = JibRun.containerize(container, containerizer, "building image " + app.name());
      }
    } else {
      built = JibRun.containerize(container, containerizer, "building image " + app.name());
    }
    return Digest.parse(built.getDigest().toString());
  }

  private static ImageReference tarName(ImageTarget.Tar file) {
    try {
      return ImageReference.parse(file.name());
    } catch (InvalidImageReferenceException e) {
      throw new IllegalArgumentException("invalid image name for the tarball: " + file.name(), e);
    }
  }

  static Platform platform(String osSlashArch) {
    int slash = osSlashArch.indexOf('/');
    return new Platform(osSlashArch.substring(slash + 1), osSlashArch.substring(0, slash));
  }

  private void warnAboutUser(ContainerApp app) {
    if (ContainerApp.runsAsRoot(app.user())) {
      progress.accept(
          "warning: image "
              + app.name()
              + " runs as root (user: "
              + app.user()
              + "); set user to a non-root uid");
    } else if (app.user() == null) {
      progress.accept(
          "warning: image "
              + app.name()
              + " sets no user: it runs as the base image's user, "
              + "root unless the base sets one");
    }
  }

  private JibContainerBuilder container(ContainerApp app, ImageRequest request) throws IOException {
    Set<Port> ports = new LinkedHashSet<>();
    new TreeSet<>(app.ports()).forEach(port -> ports.add(Port.tcp(port)));
    JibContainerBuilder container =
        base(request.base())
            .setFormat(ImageFormat.OCI)
            .setEnvironment(new TreeMap<>(app.env()))
            .setExposedPorts(ports)
            .setLabels(request.imageLabels())
            .setCreationTime(request.created().truncatedTo(ChronoUnit.SECONDS));
    if (app instanceof JvmApp jvm) {
      container
          .setFileEntriesLayers(AppLayers.layers(jvm, progress))
          .setEntrypoint(AppLayers.entrypoint(jvm));
    } else {
      FilesApp files = (FilesApp) app;
      container.setFileEntriesLayers(FilesLayers.layers(files, progress));
      if (files.entrypoint() != null) {
        container.setEntrypoint(files.entrypoint());
      }
      if (files.cmd() != null) {
        container.setProgramArguments(files.cmd());
      }
    }
    if (app.workingDirectory() != null) {
      container.setWorkingDirectory(AbsoluteUnixPath.get(app.workingDirectory()));
    }
    if (app.user() != null) {
      container.setUser(app.user());
    }
    return container;
  }

  private static BuiltImage push(
      ContainerApp app,
      ImageRequest request,
      ImageTarget.Registry registry,
      JibContainerBuilder container,
      JibRun run)
      throws IOException {
    if (request.tags().isEmpty()) {
      throw new IllegalArgumentException(
          "image "
              + app.name()
              + ": pushing to "
              + registry.repository()
              + " needs at least one tag");
    }
    RegistryImage image;
    try {
      image =
          RegistryImage.named(
              ImageReference.parse(registry.repository() + ":" + request.tags().get(0)));
    } catch (InvalidImageReferenceException e) {
      throw new IllegalArgumentException("invalid image repository: " + registry.repository());
    }
    image.addCredentialRetriever(
        () -> registry.credentials().get().map(c -> Credential.from(c.username(), c.password())));
    Containerizer containerizer =
        run.configure(Containerizer.to(image), request.toolVersion())
            .setAllowInsecureRegistries(registry.insecure() || request.base().insecure());
    request.tags().subList(1, request.tags().size()).forEach(containerizer::withAdditionalTag);
    String what = "pushing image " + app.name() + " to " + registry.repository();
    JibContainer built;
    if (registry.insecure() || request.base().insecure()) {
      try (HttpCredentials ignored = HttpCredentials.allow()) {
        built = JibRun.containerize(container, containerizer, what);
      }
    } else {
      built = JibRun.containerize(container, containerizer, what);
    }
    return new BuiltImage(
        app.name(),
        registry.repository(),
        Digest.parse(built.getDigest().toString()),
        request.tags());
  }

  private JibContainerBuilder base(BaseImage base) throws IOException {
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
          ImageReference reference = ImageReference.parse(base.reference());
          RegistryImage image = RegistryImage.named(reference);
          String host = reference.getRegistry();
          image.addCredentialRetriever(credentialsFor(host));
          yield Jib.from(image);
        } catch (InvalidImageReferenceException e) {
          throw new IllegalArgumentException("invalid base image reference: " + base.reference());
        }
      }
    };
  }

  private CredentialRetriever credentialsFor(String host) {
    return () -> {
      try {
        Optional<Credentials.Basic> found = baseCredentials.find(host);
        return found.map(b -> Credential.from(b.username(), b.password()));
      } catch (IOException e) {
        throw new com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException(e);
      }
    };
  }

  /** Builds one platform's tarball; used by {@link PlatformIndex}. */
  @FunctionalInterface
  interface TarBuild {
    Digest build(
        ContainerApp app, ImageRequest request, JibContainerBuilder container, JibRun run, Path tar)
        throws IOException;
  }
}
