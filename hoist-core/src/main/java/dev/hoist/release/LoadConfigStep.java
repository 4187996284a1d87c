package dev.hoist.release;

import dev.hoist.config.ConfigException;
import dev.hoist.config.ConfigLoader;
import dev.hoist.config.ProjectConfig;
import dev.hoist.config.RegistryPrefix;
import dev.hoist.run.ExitCode;
import dev.hoist.sign.SigningKey;
import java.util.Optional;

/** Checks the destination's form and reads hoist.yaml. */
final class LoadConfigStep {
  private LoadConfigStep() {}

  /** hoist.yaml read, and the key pushed content is signed with (loaded before anything runs). */
  record Loaded(ProjectConfig config, Optional<SigningKey> signingKey) {}

  static Loaded run(ReleaseRequest request) {
    if (request.destination() instanceof Destination.Registry r
        && !RegistryPrefix.valid(r.registry())) {
      throw new ReleaseException(ExitCode.USAGE, RegistryPrefix.problem(r.registry()));
    }
    if (request.destination() instanceof Destination.Registry r && request.offline()) {
      throw new ReleaseException(
          ExitCode.USAGE, "--offline cannot push to " + r.registry() + "; use --oci-layout");
    }
    SigningKey key = null;
    if (request.signKey() != null) {
      try {
        key = SigningKey.load(request.signKey(), System.getenv());
      } catch (IllegalArgumentException e) {
        throw new ReleaseException(ExitCode.USAGE, e.getMessage());
      }
    }
    ProjectConfig config;
    try {
      config = ConfigLoader.load(request.config());
    } catch (ConfigException e) {
      throw new ReleaseException(ExitCode.CONFIG, e.getMessage());
    }
    if (key == null && config.sign().key() != null) {
      // hoist.yaml's sign.key: a file relative to the project root, or env://VAR
      try {
        key = SigningKey.load(config.signKeySpec(), System.getenv());
      } catch (IllegalArgumentException e) {
        throw new ReleaseException(
            ExitCode.CONFIG, config.where("sign.key") + ": " + e.getMessage());
      }
    }
    if (config.apps().isEmpty()) {
      throw new ReleaseException(
          ExitCode.CONFIG, config.file().getFileName() + ": apps: nothing to release");
    }
    return new Loaded(config, Optional.ofNullable(key));
  }
}
