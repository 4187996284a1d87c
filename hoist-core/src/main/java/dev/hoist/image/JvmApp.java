package dev.hoist.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JVM application to pack into an image: its jar, its runtime dependency jars and how to start
 * it.
 *
 * <p>In the image, dependency jars are under {@code /app/libs/<file name>} and the application jar
 * is {@code /app/app.jar}. Without an explicit entrypoint the image runs {@code java <jvmFlags> -cp
 * /app/app.jar:/app/libs/* <mainClass>}.
 *
 * <p>When {@code jar} is a directory (Maven's {@code target/classes}), its {@code .class} files go
 * to {@code /app/classes} and everything else to {@code /app/resources}, each in its own layer
 * (resources below classes, as jib-maven-plugin does), and the class path is {@code
 * /app/resources:/app/classes:/app/libs/*}; a main class is then required.
 *
 * @param name the application's name (used in results and messages)
 * @param jar the application jar, or a classes directory
 * @param classpath runtime dependency jars; file names must be unique
 * @param mainClass the main class, or null to read {@code Main-Class} from the jar's manifest
 * @param jvmFlags flags for {@code java} in the generated entrypoint
 * @param entrypoint the full entrypoint, or null to generate it
 * @param ports exposed TCP ports
 * @param env environment variables
 * @param workingDirectory absolute working directory, or null to keep the base image's
 * @param user the user to run as ({@code uid[:gid]} or a name), or null to keep the base image's
 */
public record JvmApp(
    String name,
    Path jar,
    List<Path> classpath,
    String mainClass,
    List<String> jvmFlags,
    List<String> entrypoint,
    List<Integer> ports,
    Map<String, String> env,
    String workingDirectory,
    String user)
    implements ContainerApp {

  public JvmApp {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("JVM app name is blank");
    }
    Objects.requireNonNull(jar, "jar");
    classpath = classpath == null ? List.of() : List.copyOf(classpath);
    jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    if (entrypoint != null && entrypoint.isEmpty()) {
      throw new IllegalArgumentException("JVM app " + name + ": entrypoint is empty");
    }
    ports = ports == null ? List.of() : List.copyOf(ports);
    for (int port : ports) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("JVM app " + name + ": port out of range: " + port);
      }
    }
    env = env == null ? Map.of() : Map.copyOf(env);
    for (String key : env.keySet()) {
      if (key.isEmpty() || key.contains("=")) {
        throw new IllegalArgumentException(
            "JVM app " + name + ": invalid environment variable name: " + key);
      }
    }
    if (workingDirectory != null && !workingDirectory.startsWith("/")) {
      throw new IllegalArgumentException(
          "JVM app " + name + ": working directory is not absolute: " + workingDirectory);
    }
  }

  /** An app with only a jar and its dependencies; everything else defaulted. */
  public static JvmApp of(String name, Path jar, List<Path> classpath) {
    return new JvmApp(name, jar, classpath, null, null, null, null, null, null, null);
  }
}
