package dev.hoist.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.hoist.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Builds images with jib-core, always in OCI format so a registry push and a layout import of the same
 * inputs have the same digest. Registry targets are pushed by Jib; other targets get Jib's OCI tarball
 * imported blob by blob. The build is reproducible: fixed file times and modes, creation time from the
 * request (whole seconds), history {@code hoist:<version>}. Scratch and tar bases run Jib offline.
 *
 * <p>Base image layers are cached in {@code cacheDir/base-layers}. Application layers are rebuilt on every
 * build in a scratch directory under {@code cacheDir}, because Jib's application cache is keyed on file
 * path and modification time, not content. Jib runs on an executor this class owns and shuts down.
 *
 * <p>An insecure registry target allows plain HTTP, credentials included (Jib's
 * {@code sendCredentialsOverHttp} is set while such a push runs).
 */
public final class JibImageBuilder implements ImageBuilder {
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
    JibContainerBuilder container = container(app, request);
    try (JibRun run = JibRun.open(cacheDir, progress)) {
      if (target instanceof ImageTarget.Registry registry) {
        return push(app, request, registry, container, run);
      }
      ImageTarget.Layout layout = (ImageTarget.Layout) target;
      Path tar = run.work.resolve("image.tar");
      Containerizer containerizer = run.configure(Containerizer.to(TarImage.at(tar).named(TAR_IMAGE_NAME)),
              request.toolVersion())
          .setOfflineMode(request.base().kind() != BaseImage.Kind.REGISTRY)
          .setAllowInsecureRegistries(request.base().insecure());
      JibContainer built = JibRun.containerize(container, containerizer, "building image " + app.name());
      Digest digest = OciTarImport.importTar(tar, Files.createDirectory(run.work.resolve("blobs")),
          Digest.parse(built.getDigest().toString()), layout.repository(), request.tags());
      return new BuiltImage(app.name(), layout.repository().name(), digest, request.tags());
    }
  }

  private static JibContainerBuilder container(JvmApp app, ImageRequest request) throws IOException {
    Set<Port> ports = new LinkedHashSet<>();
    new TreeSet<>(app.ports()).forEach(port -> ports.add(Port.tcp(port)));
    JibContainerBuilder container = base(request.base())
        .setFormat(ImageFormat.OCI)
        .setFileEntriesLayers(AppLayers.layers(app))
        .setEntrypoint(AppLayers.entrypoint(app))
        .setEnvironment(new TreeMap<>(app.env()))
        .setExposedPorts(ports)
        .setLabels(request.imageLabels())
        .setCreationTime(request.created().truncatedTo(ChronoUnit.SECONDS));
    if (app.workingDirectory() != null) {
      container.setWorkingDirectory(AbsoluteUnixPath.get(app.workingDirectory()));
    }
    if (app.user() != null) {
      container.setUser(app.user());
    }
    return container;
  }

  private static BuiltImage push(JvmApp app, ImageRequest request, ImageTarget.Registry registry,
      JibContainerBuilder container, JibRun run) throws IOException {
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
    Containerizer containerizer = run.configure(Containerizer.to(image), request.toolVersion())
        .setAllowInsecureRegistries(registry.insecure() || request.base().insecure());
    request.tags().subList(1, request.tags().size()).forEach(containerizer::withAdditionalTag);
    String what = "pushing image " + app.name() + " to " + registry.repository();
    JibContainer built;
    if (registry.insecure()) {
      try (HttpCredentials ignored = HttpCredentials.allow()) {
        built = JibRun.containerize(container, containerizer, what);
      }
    } else {
      built = JibRun.containerize(container, containerizer, what);
    }
    return new BuiltImage(app.name(), registry.repository(), Digest.parse(built.getDigest().toString()),
        request.tags());
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
}
