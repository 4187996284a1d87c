package dev.hoist.maven;

import dev.hoist.api.ProjectDescription;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * A module of the build as an app of a project without hoist.yaml, the way {@code jib:build} sees
 * it: the module's jar (or {@code target/classes} before {@code package}), its runtime dependencies
 * as the class path, the main class from the configuration or the jar's manifest.
 */
final class ModuleApp {
  private ModuleApp() {}

  /** The module's settings from the goal's configuration. */
  record Settings(
      String image,
      String mainClass,
      String base,
      List<String> jvmFlags,
      List<Integer> ports,
      Map<String, String> env,
      String user) {}

  /**
   * The app of {@code module}, or null with the reason in {@code why} when it is not one (not a jar
   * module, nothing built, no main class).
   */
  static ProjectDescription.App of(MavenProject module, Settings settings, StringBuilder why) {
    if (!"jar".equals(module.getPackaging())) {
      why.append("packaging ").append(module.getPackaging()).append(" is not an app");
      return null;
    }
    Path jar = built(module);
    if (jar == null) {
      why.append("nothing built (no jar, no ").append(module.getBuild().getOutputDirectory());
      why.append("): run package first");
      return null;
    }
    // without <mainClass>, hoist reads the jar manifest's Main-Class itself, as the CLI does
    String mainClass = settings.mainClass();
    if (mainClass == null && (!Files.isRegularFile(jar) || manifestMainClass(jar) == null)) {
      why.append("no main class (set <mainClass> or the jar manifest's Main-Class)");
      return null;
    }
    return new ProjectDescription.App(
        settings.image() != null ? settings.image() : name(module.getArtifactId()),
        jar,
        runtimeClasspath(module),
        mainClass,
        settings.base() != null ? settings.base() : defaultBase(module),
        settings.jvmFlags() == null ? List.of() : settings.jvmFlags(),
        settings.ports() == null ? List.of() : settings.ports(),
        settings.env() == null ? Map.of() : settings.env(),
        settings.user());
  }

  /** The jar {@code package} made, else the classes directory, else null. */
  private static Path built(MavenProject module) {
    File file = module.getArtifact() == null ? null : module.getArtifact().getFile();
    if (file != null && file.isFile()) {
      return file.toPath();
    }
    Path classes = Path.of(module.getBuild().getOutputDirectory());
    return Files.isDirectory(classes) ? classes : null;
  }

  private static List<Path> runtimeClasspath(MavenProject module) {
    return module.getArtifacts().stream()
        .filter(a -> a.getArtifactHandler().isAddedToClasspath())
        .filter(
            a ->
                Artifact.SCOPE_COMPILE.equals(a.getScope())
                    || Artifact.SCOPE_RUNTIME.equals(a.getScope()))
        .map(Artifact::getFile)
        .filter(f -> f != null)
        .map(File::toPath)
        .toList();
  }

  private static String manifestMainClass(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getManifest() == null
          ? null
          : file.getManifest().getMainAttributes().getValue("Main-Class");
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * As jib picks its default base: an Eclipse Temurin JRE of the release the module compiles for
   * (17, 21 or 25; 17 when it says nothing).
   */
  static String defaultBase(MavenProject module) {
    String release = module.getProperties().getProperty("maven.compiler.release");
    if (release == null) {
      release = module.getProperties().getProperty("maven.compiler.target", "17");
    }
    int version;
    try {
      version = Integer.parseInt(release.replaceFirst("^1\\.", "").trim());
    } catch (NumberFormatException e) {
      version = 17;
    }
    return "eclipse-temurin:" + (version <= 17 ? 17 : version <= 21 ? 21 : 25) + "-jre";
  }

  /** A Maven name as an image or project name (a DNS-1123 label: lower case, digits, '-'). */
  static String name(String artifactId) {
    String name =
        artifactId
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9-]+", "-")
            .replaceAll("^-+|-+$", "");
    return name.isEmpty() ? "app" : name;
  }
}
