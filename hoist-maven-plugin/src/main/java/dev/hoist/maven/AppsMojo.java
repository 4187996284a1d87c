package dev.hoist.maven;

import dev.hoist.api.HoistFailure;
import dev.hoist.api.HoistProject;
import dev.hoist.api.ProjectDescription;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The goals that build the apps' images ({@code hoist:release}, {@code hoist:build}). They run in
 * every module of the build and act once, when the last module has run (so every jar exists, also
 * in a parallel build): with a hoist.yaml exactly as the CLI; without one, each module with a main
 * class is an app, published as {@code <registry>/<artifactId>} (the jib-like mode).
 */
abstract class AppsMojo extends HoistMojo {
  /** Where images go, {@code host[:port]/namespace}; overrides hoist.yaml's. */
  @Parameter(property = "hoist.registry")
  String registry;

  /** Writes OCI image layouts under this directory instead of pushing. */
  @Parameter(property = "hoist.ociLayout")
  String ociLayout;

  /** Allows plain HTTP to the registry. */
  @Parameter(property = "hoist.insecure", defaultValue = "false")
  boolean insecure;

  /** {@code user:password}; default: the credential chain (Docker config, GITHUB_TOKEN). */
  @Parameter(property = "hoist.credentials")
  String credentials;

  /** No network: local or cached bases only, OCI layout output only. */
  @Parameter(property = "hoist.offline", defaultValue = "false")
  boolean offline;

  /** Signs every pushed manifest by digest: {@code FILE} or {@code env://VAR}. */
  @Parameter(property = "hoist.signKey")
  String signKey;

  /** Without hoist.yaml: this module's image name (default: its artifactId). */
  @Parameter(property = "hoist.image")
  String image;

  /** Without hoist.yaml: the main class (default: the jar manifest's Main-Class). */
  @Parameter(property = "hoist.mainClass")
  String mainClass;

  /** Without hoist.yaml: the base image (default: eclipse-temurin JRE of the compiler release). */
  @Parameter(property = "hoist.base")
  String base;

  /** Without hoist.yaml: flags for {@code java}. */
  @Parameter(property = "hoist.jvmFlags")
  List<String> jvmFlags;

  /** Without hoist.yaml: exposed ports. */
  @Parameter(property = "hoist.ports")
  List<Integer> ports;

  /** Without hoist.yaml: environment variables, each {@code NAME=value}. */
  @Parameter(property = "hoist.env")
  List<String> env;

  /** Without hoist.yaml: the user to run as. */
  @Parameter(property = "hoist.user")
  String user;

  @Override
  final void run() throws MojoFailureException {
    HoistProject hoist = hoist();
    BuildApps apps = BuildApps.of(session);
    if (!hoist.hasConfig()) {
      StringBuilder why = new StringBuilder();
      ProjectDescription.App app =
          ModuleApp.of(
              project,
              new ModuleApp.Settings(
                  image, mainClass, base, jvmFlags, ports, Pairs.of("env", env), user),
              why);
      if (app == null) {
        getLog().info("hoist: " + project.getArtifactId() + " is not an app: " + why);
      }
      apps.add(project, app);
    } else {
      apps.add(project, null);
    }
    if (!apps.allRan(session)) {
      getLog().info("hoist: " + goal() + " runs after the build's last module");
      return;
    }
    if (!hoist.hasConfig()) {
      hoist = describe(hoist, apps.apps(session));
    }
    act(hoist);
  }

  private HoistProject describe(HoistProject hoist, List<ProjectDescription.App> apps)
      throws MojoFailureException {
    if (apps.isEmpty()) {
      throw new MojoFailureException(
          "no "
              + hoist.configFile()
              + " and no module with a main class to build (set <mainClass> or the jar"
              + " manifest's Main-Class)");
    }
    if (registry == null) {
      throw new MojoFailureException(
          "no "
              + hoist.configFile()
              + ": say where the images go with -Dhoist.registry=HOST/NAMESPACE"
              + " (or <registry>)");
    }
    MavenProject top = session.getTopLevelProject();
    try {
      return hoist.describe(
          Path.of(top.getBuild().getDirectory(), "hoist", "hoist.yaml"),
          new ProjectDescription(
              ModuleApp.name(top.getArtifactId()), registry, new ArrayList<>(apps)));
    } catch (HoistFailure e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  abstract String goal();

  abstract void act(HoistProject hoist) throws MojoFailureException;
}
