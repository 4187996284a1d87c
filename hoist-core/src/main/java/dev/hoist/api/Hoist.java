package dev.hoist.api;

import dev.hoist.oci.RegistryClient;
import dev.hoist.run.HoistVersion;
import java.nio.file.Path;

/** Where hoist's public API starts: {@code Hoist.project(dir)}. */
public final class Hoist {
  private Hoist() {}

  /**
   * The project in {@code dir} (relative paths given to it resolve against {@code dir}), described
   * by {@code dir/hoist.yaml} (see {@link HoistProject#config(Path)} for another file and {@link
   * HoistProject#describe(Path, ProjectDescription)} for a project without one).
   */
  public static HoistProject project(Path dir) {
    return new HoistProject(dir, dir.resolve("hoist.yaml"), message -> {});
  }

  /**
   * Closes the registry connections every hoist call in this JVM opened, and their threads; returns
   * how many HTTP clients it closed. For a host that runs hoist and then exits, once no hoist call
   * is running (the Maven plugin calls it when its last goal of the build ends): without it the
   * JVM's exit waits 300 ms for java.net.http's selector threads. Later calls open new connections.
   */
  public static int closeConnections() {
    return RegistryClient.closeAll();
  }

  /** hoist's own version, as {@code hoist --version} prints it. */
  public static String version() {
    return HoistVersion.get();
  }
}
