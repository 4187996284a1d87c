package dev.hoist.maven;

import dev.hoist.api.ProjectDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * The modules a build's image goal has run in so far, with their apps: kept on the top-level
 * project for the length of one build, so the goal acts once, after every module.
 */
final class BuildApps {
  private static final String KEY = BuildApps.class.getName();

  private final Map<String, ProjectDescription.App> ran = new LinkedHashMap<>();

  private BuildApps() {}

  /** This build's record (one per session, shared by every module's goal run). */
  static BuildApps of(MavenSession session) {
    MavenProject top = session.getTopLevelProject();
    synchronized (top) {
      Object existing = top.getContextValue(KEY);
      if (existing instanceof BuildApps apps) {
        return apps;
      }
      BuildApps apps = new BuildApps();
      top.setContextValue(KEY, apps);
      return apps;
    }
  }

  /** Records that the goal ran in {@code module}; {@code app} is null when it is not an app. */
  synchronized void add(MavenProject module, ProjectDescription.App app) {
    ran.put(module.getId(), app);
  }

  /** True once the goal has run in every module of the build. */
  synchronized boolean allRan(MavenSession session) {
    return session.getProjects().stream().allMatch(p -> ran.containsKey(p.getId()));
  }

  /** The apps, in the build's module order. */
  synchronized List<ProjectDescription.App> apps(MavenSession session) {
    List<ProjectDescription.App> apps = new ArrayList<>();
    for (MavenProject module : session.getProjects()) {
      ProjectDescription.App app = ran.get(module.getId());
      if (app != null) {
        apps.add(app);
      }
    }
    return apps;
  }
}
