package dev.hoist.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One app of hoist.yaml: a JVM service ({@code kind: jvm}, the default) or any app made of files
 * ({@code kind: files}), packed into an image.
 *
 * @param name the app's name (DNS-1123 label); the image repository is {@code <registry>/<name>}
 * @param image the image name the base manifests use, which the overlays pin (defaults to name)
 * @param kind {@code jvm} or {@code files}
 * @param jar the app jar or classes directory (e.g. {@code target/classes}), relative to the
 *     project root; null for {@code kind: files}
 * @param classpath runtime dependency jars: files, or directories whose {@code *.jar} files are
 *     taken
 * @param mainClass the main class, or null to read it from the jar's manifest
 * @param base the base image: {@code scratch}, a registry reference, or {@code tar:FILE}
 * @param cmd the image's arguments (Docker's CMD), or null
 * @param labels extra image labels
 * @param layers the declared layers of a {@code kind: files} app
 */
public record AppConfig(
    String name,
    String image,
    String kind,
    Path jar,
    List<Path> classpath,
    String mainClass,
    List<String> jvmFlags,
    List<String> entrypoint,
    String base,
    List<Integer> ports,
    Map<String, String> env,
    String workingDir,
    String user,
    List<String> cmd,
    Map<String, String> labels,
    List<LayerConfig> layers) {

  public static final String JVM = "jvm";
  public static final String FILES = "files";

  public AppConfig {
    classpath = List.copyOf(classpath);
    jvmFlags = List.copyOf(jvmFlags);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    ports = List.copyOf(ports);
    env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    cmd = cmd == null ? null : List.copyOf(cmd);
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    layers = List.copyOf(layers);
  }

  public boolean isFiles() {
    return FILES.equals(kind);
  }
}
