package dev.hoist.release;

import dev.hoist.config.ProjectConfig;
import dev.hoist.git.GitException;
import dev.hoist.git.GitInspector;
import dev.hoist.git.Revision;
import dev.hoist.run.ExitCode;
import dev.hoist.run.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the version to release (semver tag at HEAD, clean tree) and the tags to publish. */
final class ResolveRevisionStep {
  private ResolveRevisionStep() {}

  /**
   * The version released and the tags to publish: the version, plus {@code latest} for a stable
   * tagged release.
   */
  record Version(Revision revision, List<String> tags) {
    Version {
      tags = List.copyOf(tags);
    }
  }

  static Version run(ReleaseRequest request, ProjectConfig config, Progress progress) {
    Revision revision;
    try {
      Map<Path, String> own = WriteOutputsStep.expected(request, config);
      revision =
          GitInspector.inspect(
              config.root(),
              request.snapshot(),
              path -> {
                Path p = path.toAbsolutePath().normalize();
                return own.containsKey(p) && WriteOutputsStep.holds(p, own.get(p));
              });
    } catch (GitException e) {
      ExitCode code =
          switch (e.reason()) {
            case DIRTY -> ExitCode.DIRTY;
            case UNTAGGED, NOT_SEMVER, NOT_A_REPOSITORY -> ExitCode.UNTAGGED;
          };
      throw new ReleaseException(code, e.getMessage());
    }
    List<String> tags = new ArrayList<>();
    tags.add(revision.version().tag());
    if (revision.movesLatest()) {
      tags.add("latest");
    }
    progress.say(
        "version "
            + revision.version()
            + " ("
            + revision.fluxRevision()
            + ")"
            + (revision.snapshot() ? ", snapshot" : ""));
    if (!revision.movesLatest()) {
      progress.say(
          "latest not moved: "
              + (revision.snapshot()
                  ? "a snapshot never moves it"
                  : revision.version() + " is a pre-release (only releases move it)"));
    }
    return new Version(revision, tags);
  }
}
