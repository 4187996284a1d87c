package dev.hoist.images;

import dev.hoist.config.ConfigException;
import dev.hoist.config.ConfigLoader;
import dev.hoist.config.ProjectConfig;
import dev.hoist.config.RegistryPrefix;
import dev.hoist.git.GitException;
import dev.hoist.git.GitInspector;
import dev.hoist.git.Revision;
import dev.hoist.image.BaseImage;
import dev.hoist.image.BuiltImage;
import dev.hoist.image.ImagePlatforms;
import dev.hoist.image.ImageRequest;
import dev.hoist.image.ImageTarget;
import dev.hoist.image.JibImageBuilder;
import dev.hoist.oci.Credentials;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code hoist image build}'s engine: reads hoist.yaml, resolves the revision (a release tag at
 * HEAD on a clean tree gives its version; anything else is a snapshot {@code 0.0.0-<sha>}), builds
 * the chosen apps and stores them. An image counts as pushed unless every tag already pointed at
 * the same digest.
 */
public final class ImageBuild {
  static final Path DEFAULT_LAYOUT = Path.of("target", "hoist", "oci");

  private ImageBuild() {}

  public static ImageBuildResult run(ImageBuildRequest request, Consumer<String> progress)
      throws IOException {
    if (request.output() instanceof ImageBuildRequest.Output.Registry r
        && !RegistryPrefix.valid(r.registry())) {
      throw new HoistException(ExitCode.USAGE, RegistryPrefix.problem(r.registry()));
    }
    dev.hoist.sign.SigningKey signingKey = null;
    if (request.signKey() != null) {
      if (request.output() instanceof ImageBuildRequest.Output.Tar) {
        throw new HoistException(
            ExitCode.USAGE,
            "--sign-key signs what is pushed: use --registry or --oci-layout, not --tar");
      }
      try {
        signingKey = dev.hoist.sign.SigningKey.load(request.signKey(), System.getenv());
      } catch (IllegalArgumentException e) {
        throw new HoistException(ExitCode.USAGE, e.getMessage());
      }
    }
    ProjectConfig config = ConfigLoader.load(request.config());
    String configured = config.sign().key();
    if (signingKey == null
        && configured != null
        && !(request.output() instanceof ImageBuildRequest.Output.Tar)) {
      // hoist.yaml's sign.key (a file relative to the project root, or env://VAR)
      String spec = config.signKeySpec();
      try {
        signingKey = dev.hoist.sign.SigningKey.load(spec, System.getenv());
      } catch (IllegalArgumentException e) {
        throw new HoistException(ExitCode.CONFIG, config.where("sign.key") + ": " + e.getMessage());
      }
    }
    List<Integer> chosen = choose(config, request.apps());
    if (request.output() instanceof ImageBuildRequest.Output.Tar && chosen.size() != 1) {
      throw new IllegalArgumentException(
          "--tar writes one image; name one app (hoist.yaml has " + chosen.size() + " selected)");
    }
    if (request.offline() && request.output() instanceof ImageBuildRequest.Output.Registry r) {
      throw new IllegalArgumentException(
          "--offline cannot push to " + r.registry() + "; use --oci-layout or --tar");
    }
    chosen.forEach(i -> AppImages.preflight(config, i));
    Revision revision = revision(config.root());
    List<String> tags = request.tags() != null ? request.tags() : AppImages.tags(revision);
    progress.accept("version " + revision.version() + (revision.snapshot() ? " (snapshot)" : ""));
    Credentials credentials = credentials(request.credentials());
    Targets targets =
        new Targets(config, request.output(), request.insecure(), credentials, progress);
    JibImageBuilder builder =
        new JibImageBuilder(Caches.dir(System.getenv()).resolve("jib"), progress, credentials);
    List<ImageBuildResult.Image> images = new ArrayList<>();
    for (int index : chosen) {
      String name = config.apps().get(index).name();
      BaseImage base = AppImages.base(config, index);
      if (base.kind() == BaseImage.Kind.REGISTRY && request.insecure()) {
        base = base.withInsecure(true);
      }
      dev.hoist.git.AppHistory.Change change = AppImages.change(config, index, revision);
      ImageRequest imageRequest =
          new ImageRequest(
              base,
              change.time(),
              tags,
              AppImages.labels(config.apps().get(index), revision, change),
              request.toolVersion(),
              request.platforms(),
              request.offline());
      Optional<Repository> repository = targets.repository(name);
      progress.accept("image " + name + ": building on " + base);
      if (repository.isEmpty()) {
        BuiltImage built =
            builder.build(AppImages.app(config, index), imageRequest, targets.target(name, tags));
        List<String> platforms =
            ImagePlatforms.ofTar(((ImageBuildRequest.Output.Tar) request.output()).file());
        progress.accept("image " + name + ": " + built.repository());
        images.add(
            new ImageBuildResult.Image(
                name, built.repository(), built.digest().toString(), tags, platforms, true));
        continue;
      }
      ImageBuildResult.Image image =
          Publish.image(
              name,
              repository.get(),
              tags,
              local -> builder.build(AppImages.app(config, index), imageRequest, local),
              config.apps().get(index).base(),
              request.sbomOutput(),
              progress);
      if (signingKey != null) {
        Digest signature =
            dev.hoist.sign.Signer.sign(repository.get(), Digest.parse(image.digest()), signingKey);
        progress.accept("image " + name + ": signed " + image.ref() + " (" + signature + ")");
        if (image.sbom() != null) {
          Digest sbomSignature =
              dev.hoist.sign.Signer.sign(repository.get(), Digest.parse(image.sbom()), signingKey);
          progress.accept("image " + name + ": signed its sbom (" + sbomSignature + ")");
        }
      }
      images.add(image);
    }
    return new ImageBuildResult(revision.version().toString(), images);
  }

  private static List<Integer> choose(ProjectConfig config, List<String> names) {
    List<Integer> chosen = new ArrayList<>();
    if (names.isEmpty()) {
      for (int i = 0; i < config.apps().size(); i++) {
        chosen.add(i);
      }
    }
    for (String name : names) {
      int found = -1;
      for (int i = 0; i < config.apps().size(); i++) {
        if (config.apps().get(i).name().equals(name)) {
          found = i;
        }
      }
      if (found < 0) {
        throw new ConfigException(
            config.file().getFileName()
                + ": apps: no app named '"
                + name
                + "' (apps: "
                + String.join(", ", config.apps().stream().map(a -> a.name()).toList())
                + ")");
      }
      if (!chosen.contains(found)) {
        chosen.add(found);
      }
    }
    if (chosen.isEmpty()) {
      throw new ConfigException(config.file().getFileName() + ": apps: none listed");
    }
    return chosen;
  }

  /**
   * The release revision at HEAD, or a snapshot of HEAD when it is untagged or the tree is dirty.
   */
  static Revision revision(Path root) {
    try {
      return GitInspector.inspect(root, false);
    } catch (GitException e) {
      if (e.reason() == GitException.Reason.NOT_A_REPOSITORY) {
        throw e;
      }
      return GitInspector.inspect(root, true);
    }
  }

  private static Credentials credentials(String explicit) {
    try {
      return Credentials.defaults(explicit, System.getenv());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--creds: " + e.getMessage());
    }
  }

  /** Where each app's image goes, and the repository to compare tags against. */
  private static final class Targets {
    private final ProjectConfig config;
    private final ImageBuildRequest.Output output;
    private final dev.hoist.oci.RegistryClient client;

    Targets(
        ProjectConfig config,
        ImageBuildRequest.Output output,
        boolean insecure,
        Credentials credentials,
        Consumer<String> progress) {
      this.config = config;
      this.output = output;
      if (output instanceof ImageBuildRequest.Output.Registry r) {
        var builder =
            dev.hoist.oci.RegistryClient.builder()
                .credentials(credentials)
                .insecure(insecure)
                .log(progress);
        if (insecure) {
          builder.insecureRegistry(host(r.registry()));
        }
        client = builder.build();
      } else {
        client = null;
      }
    }

    Optional<Repository> repository(String app) {
      if (output instanceof ImageBuildRequest.Output.Registry r) {
        return Optional.of(client.repository(r.registry() + "/" + app));
      }
      if (output instanceof ImageBuildRequest.Output.Layout l) {
        Path dir = l.dir() == null ? config.root().resolve(DEFAULT_LAYOUT) : l.dir();
        return Optional.of(dev.hoist.oci.OciLayout.at(dir.toAbsolutePath().resolve(app)));
      }
      return Optional.empty();
    }

    ImageTarget target(String app, List<String> tags) {
      if (output instanceof ImageBuildRequest.Output.Tar t) {
        return ImageTarget.tar(t.file(), config.registry() + "/" + app + ":" + tags.get(0));
      }
      // a registry too: Jib builds, hoist's own client uploads (retries, budget, redaction)
      return ImageTarget.layout(repository(app).orElseThrow());
    }

    static String host(String registry) {
      int slash = registry.indexOf('/');
      return slash < 0 ? registry : registry.substring(0, slash);
    }
  }
}
