package dev.hoist.release;

import dev.hoist.git.GitException;
import dev.hoist.git.GitInspector;
import dev.hoist.run.ExitCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the version to release (semver tag at HEAD, clean tree) and the tags to publish. */
final class ResolveRevisionStep implements Step {
  @Override
  public String name() {
    return "version";
  }

  @Override
  public void run(ReleaseContext ctx) {
    try {
      Map<Path, String> own = WriteOutputsStep.expected(ctx);
      ctx.revision =
          GitInspector.inspect(
              ctx.config.root(),
              ctx.request.snapshot(),
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
    tags.add(ctx.revision.version().tag());
    if (ctx.revision.movesLatest()) {
      tags.add("latest");
    }
    ctx.tags = List.copyOf(tags);
    ctx.progress.say(
        "version "
            + ctx.revision.version()
            + " ("
            + ctx.revision.fluxRevision()
            + ")"
            + (ctx.revision.snapshot() ? ", snapshot" : ""));
    if (!ctx.revision.movesLatest()) {
      ctx.progress.say(
          "latest not moved: "
              + (ctx.revision.snapshot()
                  ? "a snapshot never moves it"
                  : ctx.revision.version() + " is a pre-release (only releases move it)"));
    }
  }
}
