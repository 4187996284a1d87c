package dev.hoist.images;

import dev.hoist.config.AppConfig;
import dev.hoist.config.ConfigException;
import dev.hoist.config.LayerConfig;
import dev.hoist.config.ProjectConfig;
import dev.hoist.git.AppHistory;
import dev.hoist.git.Revision;
import dev.hoist.image.BaseImage;
import dev.hoist.image.ContainerApp;
import dev.hoist.image.FileLayer;
import dev.hoist.image.FilesApp;
import dev.hoist.image.ImageRequest;
import dev.hoist.image.JvmApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns hoist.yaml's apps into the image stage's inputs: {@link JvmApp} or {@link FilesApp}, the
 * base image and the labels. Used by {@code hoist image build} and by {@code hoist release}.
 */
public final class AppImages {
  private AppImages() {}

  /** The app to build, with every path resolved against the project root. */
  public static ContainerApp app(ProjectConfig config, int index) throws IOException {
    AppConfig app = config.apps().get(index);
    Path root = config.root();
    if (app.isFiles()) {
      List<FileLayer> layers = new ArrayList<>();
      for (LayerConfig layer : app.layers()) {
        layers.add(
            new FileLayer(
                layer.name(),
                layer.from().stream().map(root::resolve).toList(),
                layer.to(),
                layer.mode(),
                layer.owner(),
                layer.exclude()));
      }
      return new FilesApp(
          app.name(),
          layers,
          app.entrypoint(),
          app.cmd(),
          app.ports(),
          app.env(),
          app.workingDir(),
          app.user());
    }
    List<Path> classpath = new ArrayList<>();
    for (Path entry : app.classpath()) {
      Path resolved = root.resolve(entry);
      if (Files.isDirectory(resolved)) {
        try (Stream<Path> jars = Files.list(resolved)) {
          jars.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
              .sorted()
              .forEach(classpath::add);
        }
      } else {
        classpath.add(resolved);
      }
    }
    return new JvmApp(
        app.name(),
        root.resolve(app.jar()),
        classpath,
        app.mainClass(),
        app.jvmFlags(),
        app.entrypoint(),
        app.ports(),
        app.env(),
        app.workingDir(),
        app.user());
  }

  /** The app's base image; a {@code tar:} path is resolved against the project root. */
  public static BaseImage base(ProjectConfig config, int index) {
    String value = config.apps().get(index).base();
    if (value.startsWith("tar:")) {
      value = "tar:" + config.root().resolve(value.substring(4));
    }
    try {
      return BaseImage.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(config.where("apps[" + index + "].base") + ": " + e.getMessage());
    }
  }

  /**
   * The app's labels, then the OCI source label and the revision label of the app's last change. No
   * version label: the version lives in the tags, so an unchanged app keeps its digest.
   */
  public static Map<String, String> labels(
      AppConfig app, Revision revision, AppHistory.Change change) {
    Map<String, String> labels = new LinkedHashMap<>(app.labels());
    labels.put(
        ImageRequest.LABEL_SOURCE,
        revision.source() == null ? "" : dev.hoist.oci.Secrets.withoutUserInfo(revision.source()));
    labels.put(ImageRequest.LABEL_REVISION, change.commit());
    return labels;
  }

  /**
   * The commit that last changed the app: its module (the directory above {@code target/} of its
   * jar, classes and classpath), its layers' sources, or its entry in hoist.yaml; the revision's
   * own commit when git cannot tell. The image's {@code created} time is that commit's time.
   */
  public static AppHistory.Change change(ProjectConfig config, int index, Revision revision) {
    AppConfig app = config.apps().get(index);
    List<java.nio.file.Path> inputs = new ArrayList<>();
    if (app.jar() != null) {
      inputs.add(module(app.jar()));
    }
    app.classpath().forEach(p -> inputs.add(module(p)));
    for (dev.hoist.config.LayerConfig layer : app.layers()) {
      inputs.addAll(layer.from());
    }
    return AppHistory.lastChange(
            config.root(), inputs, config.file(), text -> AppEntries.canonical(text, app.name()))
        .orElseGet(() -> new AppHistory.Change(revision.commit(), revision.commitTime()));
  }

  /** The module a build output belongs to: the directory above its {@code target/}. */
  static java.nio.file.Path module(java.nio.file.Path output) {
    for (java.nio.file.Path p = output; p != null; p = p.getParent()) {
      if (p.getFileName() != null && p.getFileName().toString().equals("target")) {
        return p.getParent() == null ? java.nio.file.Path.of("") : p.getParent();
      }
    }
    return output;
  }

  /** The tags of a revision: its version, plus {@code latest} for a stable tagged release. */
  public static List<String> tags(Revision revision) {
    List<String> tags = new ArrayList<>();
    tags.add(revision.version().tag());
    if (revision.movesLatest()) {
      tags.add("latest");
    }
    return List.copyOf(tags);
  }

  /** Checks the app's inputs exist; throws a {@link ConfigException} naming the field and file. */
  public static void preflight(ProjectConfig config, int index) {
    AppConfig app = config.apps().get(index);
    String field = "apps[" + index + "]";
    if (app.isFiles()) {
      for (int i = 0; i < app.layers().size(); i++) {
        for (Path from : app.layers().get(i).from()) {
          if (!Files.exists(config.root().resolve(from))) {
            throw new ConfigException(
                config.where(field + ".layers") + "[" + i + "].from: not found: " + from);
          }
        }
      }
      return;
    }
    Path jar = config.root().resolve(app.jar());
    if (!Files.isRegularFile(jar) && !Files.isDirectory(jar)) {
      throw new ConfigException(
          config.where(field + ".jar")
              + ": file not found: "
              + app.jar()
              + (app.jar().startsWith("target") ? " (build it first: mvn package)" : ""));
    }
    for (Path entry : app.classpath()) {
      if (!Files.exists(config.root().resolve(entry))) {
        throw new ConfigException(config.where(field + ".classpath") + ": not found: " + entry);
      }
    }
  }
}
