package dev.hoist.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hoist artifact}: Flux OCI artifacts, with the flags of {@code flux
 * build|push|pull|tag|list|diff artifact}.
 */
@Command(
    name = "artifact",
    mixinStandardHelpOptions = true,
    description = {
      "Flux OCI artifacts: build, push, pull, tag, list and diff, with the flags of the flux CLI.",
      "The uncompressed tar is byte-identical to flux build artifact (2.9) for the same tree. Deliberate "
          + "differences: a symlink is an error unless --resolve-symlinks (flux drops it silently); .env and "
          + ".env.* files are excluded with a warning; the gzip bytes differ from Go's, so compare artifacts "
          + "with 'hoist artifact diff' (uncompressed content); the config blob is {}; version tags are "
          + "immutable unless --force.",
      "Exit codes: 0 ok (diff: equal), 1 failure (diff: differs), 2 usage, 6 registry."
    })
public final class ArtifactCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
