package dev.hoist.release;

import dev.hoist.config.ConfigException;
import dev.hoist.config.ConfigLoader;
import dev.hoist.config.RegistryPrefix;
import dev.hoist.run.ExitCode;

/** Checks the destination's form and reads hoist.yaml. */
final class LoadConfigStep implements Step {
  @Override
  public String name() {
    return "config";
  }

  @Override
  public void run(ReleaseContext ctx) {
    if (ctx.request.destination() instanceof Destination.Registry r
        && !RegistryPrefix.valid(r.registry())) {
      throw new ReleaseException(ExitCode.USAGE, RegistryPrefix.problem(r.registry()));
    }
    if (ctx.request.destination() instanceof Destination.Registry r && ctx.request.offline()) {
      throw new ReleaseException(
          ExitCode.USAGE, "--offline cannot push to " + r.registry() + "; use --oci-layout");
    }
    if (ctx.request.signKey() != null) {
      try {
        ctx.signingKey = dev.hoist.sign.SigningKey.load(ctx.request.signKey(), System.getenv());
      } catch (IllegalArgumentException e) {
        throw new ReleaseException(ExitCode.USAGE, e.getMessage());
      }
    }
    try {
      ctx.config = ConfigLoader.load(ctx.request.config());
    } catch (ConfigException e) {
      throw new ReleaseException(ExitCode.CONFIG, e.getMessage());
    }
    String configured = ctx.config.sign().key();
    if (ctx.signingKey == null && configured != null) {
      // hoist.yaml's sign.key: a file relative to the project root, or env://VAR
      String spec = ctx.config.signKeySpec();
      try {
        ctx.signingKey = dev.hoist.sign.SigningKey.load(spec, System.getenv());
      } catch (IllegalArgumentException e) {
        throw new ReleaseException(
            ExitCode.CONFIG, ctx.config.where("sign.key") + ": " + e.getMessage());
      }
    }
    if (ctx.config.apps().isEmpty()) {
      throw new ReleaseException(
          ExitCode.CONFIG, ctx.config.file().getFileName() + ": apps: nothing to release");
    }
  }
}
