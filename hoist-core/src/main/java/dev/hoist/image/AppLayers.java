package dev.hoist.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The layers and entrypoint of a {@link JvmApp}, laid out like jib-maven-plugin: release dependency
 * jars, then snapshot dependency jars, then the application jar, each in its own layer (empty
 * layers are left out). Every file is 0644 and every directory 0755 with a fixed modification time,
 * whatever the umask.
 */
final class AppLayers {
  static final String APP_DIR = "/app";
  static final String LIBS_DIR = "/app/libs";
  static final String APP_JAR = "/app/app.jar";
  static final String DEPENDENCIES = "dependencies";
  static final String SNAPSHOT_DEPENDENCIES = "snapshot dependencies";
  static final String APPLICATION = "application";
  static final String RESOURCES = "resources";
  static final String CLASSES = "classes";
  static final String RESOURCES_DIR = "/app/resources";
  static final String CLASSES_DIR = "/app/classes";

  static final FilePermissions FILE_MODE = FilePermissions.fromOctalString("644");
  static final FilePermissions DIR_MODE = FilePermissions.fromOctalString("755");

  /** Jib's default, kept explicit: 1970-01-01T00:00:01Z. */
  static final Instant FILE_TIME = Instant.ofEpochSecond(1);

  private AppLayers() {}

  /** The layers, in image order; throws naming the first missing or clashing file. */
  static List<FileEntriesLayer> layers(JvmApp app) throws IOException {
    return layers(app, message -> {});
  }

  /**
   * The layers; {@code .env} files in a classes directory are left out with a warning to {@code
   * warn}.
   */
  static List<FileEntriesLayer> layers(JvmApp app, java.util.function.Consumer<String> warn)
      throws IOException {
    if (!Files.isDirectory(app.jar())) {
      requireFile(app.jar(), "application jar");
    }
    FileEntriesLayer.Builder release = FileEntriesLayer.builder().setName(DEPENDENCIES);
    FileEntriesLayer.Builder snapshot = FileEntriesLayer.builder().setName(SNAPSHOT_DEPENDENCIES);
    boolean anyRelease = false;
    boolean anySnapshot = false;
    Map<String, Path> byName = new HashMap<>();
    for (Path dependency : app.classpath()) {
      requireFile(dependency, "dependency jar");
      String fileName = dependency.getFileName().toString();
      Path clash = byName.putIfAbsent(fileName, dependency);
      if (clash != null) {
        throw new IOException(
            "dependency jars "
                + clash
                + " and "
                + dependency
                + " both map to "
                + LIBS_DIR
                + "/"
                + fileName);
      }
      AbsoluteUnixPath target = AbsoluteUnixPath.get(LIBS_DIR).resolve(fileName);
      if (fileName.contains("SNAPSHOT")) {
        snapshot.addEntry(dependency, target, FILE_MODE, FILE_TIME);
        anySnapshot = true;
      } else {
        release.addEntry(dependency, target, FILE_MODE, FILE_TIME);
        anyRelease = true;
      }
    }
    List<FileEntriesLayer> layers = new ArrayList<>();
    if (anyRelease) {
      layers.add(release.build());
    }
    if (anySnapshot) {
      layers.add(snapshot.build());
    }
    if (Files.isDirectory(app.jar())) {
      layers.addAll(classesLayers(app, warn));
    } else {
      layers.add(
          FileEntriesLayer.builder()
              .setName(APPLICATION)
              .addEntry(app.jar(), AbsoluteUnixPath.get(APP_JAR), FILE_MODE, FILE_TIME)
              .build());
    }
    return layers;
  }

  /**
   * A classes directory split like jib-maven-plugin: resources below classes; empty layers left
   * out.
   */
  private static List<FileEntriesLayer> classesLayers(
      JvmApp app, java.util.function.Consumer<String> warn) throws IOException {
    Path dir = app.jar();
    List<Path> dotEnv = new ArrayList<>();
    FileEntriesLayer.Builder resources = FileEntriesLayer.builder().setName(RESOURCES);
    FileEntriesLayer.Builder classes = FileEntriesLayer.builder().setName(CLASSES);
    boolean anyResource = false;
    boolean anyClass = false;
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String relative = dir.relativize(file).toString().replace('\\', '/');
        if (FilesLayers.isDotEnv(file.getFileName().toString())) {
          dotEnv.add(file);
          continue;
        }
        if (relative.endsWith(".class")) {
          classes.addEntry(
              file, AbsoluteUnixPath.get(CLASSES_DIR).resolve(relative), FILE_MODE, FILE_TIME);
          anyClass = true;
        } else {
          resources.addEntry(
              file, AbsoluteUnixPath.get(RESOURCES_DIR).resolve(relative), FILE_MODE, FILE_TIME);
          anyResource = true;
        }
      }
    }
    if (!dotEnv.isEmpty()) {
      warn.accept(
          "app "
              + app.name()
              + ": not adding .env files from the classes directory: "
              + String.join(", ", dotEnv.stream().map(Path::toString).toList()));
    }
    if (!anyClass) {
      throw new IOException(
          "classes directory " + dir + " holds no .class files (build it first: mvn compile)");
    }
    List<FileEntriesLayer> layers = new ArrayList<>();
    if (anyResource) {
      layers.add(resources.build());
    }
    layers.add(classes.build());
    return layers;
  }

  /** The app's entrypoint, or {@code java <jvmFlags> -cp /app/app.jar:/app/libs/* <mainClass>}. */
  static List<String> entrypoint(JvmApp app) throws IOException {
    if (app.entrypoint() != null) {
      return app.entrypoint();
    }
    boolean classesDir = Files.isDirectory(app.jar());
    if (classesDir && app.mainClass() == null) {
      throw new IOException(
          "app "
              + app.name()
              + ": classes directory "
              + app.jar()
              + " has no manifest; set mainClass");
    }
    String mainClass = app.mainClass() != null ? app.mainClass() : manifestMainClass(app.jar());
    List<String> command = new ArrayList<>();
    command.add("java");
    command.addAll(app.jvmFlags());
    command.add("-cp");
    command.add(
        classesDir
            ? RESOURCES_DIR + ":" + CLASSES_DIR + ":" + LIBS_DIR + "/*"
            : APP_JAR + ":" + LIBS_DIR + "/*");
    command.add(mainClass);
    return command;
  }

  static String manifestMainClass(Path jar) throws IOException {
    requireFile(jar, "application jar");
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String mainClass =
          manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
      if (mainClass == null || mainClass.isBlank()) {
        throw new IOException(
            "application jar " + jar + " has no Main-Class in its manifest; set mainClass");
      }
      return mainClass.strip();
    } catch (java.util.zip.ZipException e) {
      throw new IOException("application jar " + jar + " is not a jar: " + e.getMessage());
    }
  }

  private static void requireFile(Path file, String what) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, what + " not found");
    }
  }
}
