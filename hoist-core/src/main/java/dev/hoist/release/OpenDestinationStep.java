package dev.hoist.release;

import dev.hoist.config.ProjectConfig;
import dev.hoist.oci.Credentials;
import dev.hoist.run.ExitCode;
import dev.hoist.run.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Opens where content goes and, for a registry, checks it answers before anything is built (a dry
 * run too, so it fails where the real run would). A dry run plans its tags against the destination
 * and publishes into a temporary layout.
 */
final class OpenDestinationStep {
  static final Path DEFAULT_LAYOUT = Path.of("target", "hoist", "oci");

  private OpenDestinationStep() {}

  /**
   * Where the release goes.
   *
   * @param credentials registry credentials: --creds, then docker config, then GITHUB_TOKEN (for
   *     pushes, base images and third-party pins)
   * @param publishing where content goes; for a dry run, a temporary layout
   * @param planning where the tag plan reads the tags in place: the destination (a dry run's too)
   */
  record Destinations(Credentials credentials, Publishing publishing, Publishing planning) {}

  static Destinations run(
      ReleaseRequest request,
      ProjectConfig config,
      List<String> tags,
      Registries registries,
      Path work,
      Progress progress)
      throws IOException {
    Credentials credentials;
    try {
      credentials = Credentials.defaults(request.credentials(), System.getenv());
    } catch (IllegalArgumentException e) {
      throw new ReleaseException(ExitCode.USAGE, "--creds: " + e.getMessage());
    }
    Destination destination = request.destination();
    String configured = config.registry();
    Publishing target;
    if (destination instanceof Destination.Registry r) {
      String host = host(r.registry());
      Registries.Access access =
          new Registries.Access(
              credentials, r.insecure(), r.insecure() ? Set.of(host) : Set.of(), progress::say);
      target = Publishing.toRegistry(r.registry(), registries.open(access));
      // one cheap request first: an unreachable registry, plain HTTP without --insecure or refused
      // credentials stop the release here, a dry run too
      target.repository(config.artifactRepository()).resolve(tags.get(0));
    } else {
      Path dir =
          destination instanceof Destination.Layout l
              ? l.dir()
              : config.root().resolve(DEFAULT_LAYOUT);
      target = Publishing.toLayouts(configured, dir.toAbsolutePath());
    }
    // the tag plan reads the tags in place at the destination, for a dry run too
    if (request.dryRun()) {
      Publishing temporary =
          Publishing.toLayouts(
              destination instanceof Destination.Registry r ? r.registry() : configured,
              work.resolve("oci"));
      progress.say("dry run: publishing into a temporary layout, nothing is pushed or written");
      return new Destinations(credentials, temporary, target);
    }
    progress.say("publishing to " + target.location());
    return new Destinations(credentials, target, target);
  }

  /** The host (and port) of {@code host[:port]/namespace}. */
  private static String host(String registry) {
    int slash = registry.indexOf('/');
    return slash < 0 ? registry : registry.substring(0, slash);
  }
}
