package dev.hoist.api;

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

  /** hoist's own version, as {@code hoist --version} prints it. */
  public static String version() {
    return HoistVersion.get();
  }
}
