package dev.hoist.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A project without hoist.yaml, described by its build (the Maven plugin's "no hoist.yaml" mode,
 * like {@code jib:build}): JVM apps (a module each in a multi-module build), each published as
 * {@code <registry>/<name>}. Overlays under {@code overlays/} (each with a kustomization file) are
 * released with them; no Flux objects.
 *
 * @param project the project's name (a DNS-1123 label: the manifests artifact's name)
 * @param registry where the images go, {@code host[:port]/namespace}
 * @param apps the apps, at least one, with distinct names
 */
public record ProjectDescription(String project, String registry, List<App> apps) {

  public ProjectDescription {
    apps = List.copyOf(apps);
    if (apps.isEmpty()) {
      throw new HoistFailure(
          HoistFailure.USAGE, "project " + project + " has no app to build", null);
    }
    if (apps.stream().map(App::name).distinct().count() != apps.size()) {
      throw new HoistFailure(
          HoistFailure.USAGE,
          "two apps of project "
              + project
              + " have one name: "
              + apps.stream().map(App::name).toList(),
          null);
    }
  }

  /** A project of one app. */
  public ProjectDescription(String project, String registry, App app) {
    this(project, registry, List.of(app));
  }

  /**
   * One JVM app, as hoist.yaml's {@code apps[]} entry.
   *
   * @param name the image repository below the registry
   * @param jar the app jar, or a classes directory
   * @param classpath the runtime dependency jars
   * @param mainClass null for the jar manifest's {@code Main-Class}
   * @param base {@code scratch}, a registry image or {@code tar:FILE}
   * @param jvmFlags flags for {@code java}
   * @param ports exposed ports
   * @param env environment variables
   * @param user the user to run as; null for none
   */
  public record App(
      String name,
      Path jar,
      List<Path> classpath,
      String mainClass,
      String base,
      List<String> jvmFlags,
      List<Integer> ports,
      Map<String, String> env,
      String user) {
    public App {
      classpath = List.copyOf(classpath);
      jvmFlags = List.copyOf(jvmFlags);
      ports = List.copyOf(ports);
      env = Map.copyOf(env);
    }
  }
}
