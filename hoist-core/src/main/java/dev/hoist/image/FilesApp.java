package dev.hoist.image;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Any application made of files (a Python service and its virtualenv, a Node.js build, a static
 * binary): declared layers on a base image, and how to start it.
 *
 * @param name the application's name
 * @param layers the layers, in image order
 * @param entrypoint the entrypoint, or null to keep the base image's
 * @param cmd the arguments (Docker's CMD), or null to keep the base image's
 * @param ports exposed TCP ports
 * @param env environment variables
 * @param workingDirectory absolute working directory, or null to keep the base image's
 * @param user the user to run as, or null to keep the base image's
 */
public record FilesApp(
    String name,
    List<FileLayer> layers,
    List<String> entrypoint,
    List<String> cmd,
    List<Integer> ports,
    Map<String, String> env,
    String workingDirectory,
    String user)
    implements ContainerApp {

  public FilesApp {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("app name is blank");
    }
    layers = List.copyOf(layers);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    cmd = cmd == null ? null : List.copyOf(cmd);
    ports = ports == null ? List.of() : List.copyOf(ports);
    env = env == null ? Map.of() : Map.copyOf(env);
    AppChecks.common(name, ports, env, workingDirectory);
  }
}
