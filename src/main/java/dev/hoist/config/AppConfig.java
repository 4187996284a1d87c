package dev.hoist.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One app of hoist.yaml: a JVM service packed into an image.
 *
 * @param name the app's name (DNS-1123 label); the image repository is {@code <registry>/<name>}
 * @param image the image name the base manifests use, which the overlays pin (defaults to name)
 * @param jar the app jar, relative to the project root
 * @param classpath runtime dependency jars: files, or directories whose {@code *.jar} files are taken
 * @param mainClass the main class, or null to read it from the jar's manifest
 * @param base the base image: {@code scratch}, a registry reference, or {@code tar:FILE}
 */
public record AppConfig(
    String name,
    String image,
    Path jar,
    List<Path> classpath,
    String mainClass,
    List<String> jvmFlags,
    List<String> entrypoint,
    String base,
    List<Integer> ports,
    Map<String, String> env,
    String workingDir,
    String user) {

  public AppConfig {
    classpath = List.copyOf(classpath);
    jvmFlags = List.copyOf(jvmFlags);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    ports = List.copyOf(ports);
    env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
  }
}
