package dev.hoist.maven;

import dev.hoist.api.Hoist;
import dev.hoist.api.HoistFailure;
import dev.hoist.api.HoistProject;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the project (the build's top-level directory and its hoist.yaml, as
 * {@code ./hoist} run there sees it), progress to the Maven log, and a {@link HoistFailure} turned
 * into a failed build with the CLI's one-line message.
 */
abstract class HoistMojo extends AbstractMojo {
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The project descriptor; default {@code hoist.yaml} in the build's top-level directory. */
  @Parameter(property = "hoist.config")
  String config;

  /** Skips the goal. */
  @Parameter(property = "hoist.skip", defaultValue = "false")
  boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("hoist: skipped (hoist.skip)");
      return;
    }
    RUNNING.incrementAndGet();
    try {
      run();
    } catch (HoistFailure e) {
      // the message the CLI prints after "hoist: error: "
      throw new MojoFailureException(e.getMessage(), e);
    } finally {
      if (RUNNING.decrementAndGet() == 0) {
        // no other hoist goal runs (also under -T): the registry connections go now, so that
        // Maven's exit does not wait 300 ms for their selector threads
        Hoist.closeConnections();
      }
    }
  }

  /** hoist goals running in this JVM now (parallel builds run several). */
  private static final AtomicInteger RUNNING = new AtomicInteger();

  abstract void run() throws MojoFailureException;

  /** The build's top-level directory: where {@code ./hoist} would run. */
  Path topDirectory() {
    return session.getTopLevelProject().getBasedir().toPath();
  }

  /** The project, reporting progress to the Maven log. */
  HoistProject hoist() {
    HoistProject hoist = Hoist.project(topDirectory()).progress(getLog()::info);
    return config == null ? hoist : hoist.config(Path.of(config));
  }

  /** A path parameter: relative paths resolve against the top-level directory, as the CLI's. */
  static Path path(String path) {
    return path == null || path.isBlank() ? null : Path.of(path);
  }
}
