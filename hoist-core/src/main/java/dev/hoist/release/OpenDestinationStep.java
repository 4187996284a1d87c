package dev.hoist.release;

import dev.hoist.oci.Credentials;
import dev.hoist.run.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens where content goes and, for a registry, checks it answers before anything is built (a dry
 * run too, so it fails where the real run would). A dry run plans its tags against the destination
 * and publishes into a temporary layout.
 */
final class OpenDestinationStep implements Step {
  static final Path DEFAULT_LAYOUT = Path.of("target", "hoist", "oci");

  @Override
  public String name() {
    return "destination";
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    try {
      ctx.credentials = Credentials.defaults(ctx.request.credentials(), System.getenv());
    } catch (IllegalArgumentException e) {
      throw new ReleaseException(ExitCode.USAGE, "--creds: " + e.getMessage());
    }
    ctx.work = Files.createTempDirectory("hoist-release-");
    Destination destination = ctx.request.destination();
    String configured = ctx.config.registry();
    Publishing target;
    if (destination instanceof Destination.Registry r) {
      target = Publishing.toRegistry(r.registry(), r.insecure(), ctx.credentials, ctx.progress);
      // one cheap request first: an unreachable registry, plain HTTP without --insecure or refused
      // credentials stop the release here, a dry run too
      target.repository(ctx.config.artifactRepository()).resolve(ctx.tags.get(0));
    } else {
      Path dir =
          destination instanceof Destination.Layout l
              ? l.dir()
              : ctx.config.root().resolve(DEFAULT_LAYOUT);
      target = Publishing.toLayouts(configured, dir.toAbsolutePath());
    }
    // the tag plan reads the tags in place at the destination, for a dry run too
    ctx.planning = target;
    if (ctx.request.dryRun()) {
      ctx.publishing =
          Publishing.toLayouts(
              destination instanceof Destination.Registry r ? r.registry() : configured,
              ctx.work.resolve("oci"));
      ctx.progress.say("dry run: publishing into a temporary layout, nothing is pushed or written");
      return;
    }
    ctx.publishing = target;
    ctx.progress.say("publishing to " + ctx.publishing.location());
  }
}
