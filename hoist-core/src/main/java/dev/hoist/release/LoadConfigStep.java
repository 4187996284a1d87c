package dev.hoist.release;

import dev.hoist.config.ConfigException;
import dev.hoist.config.ConfigLoader;
import dev.hoist.run.ExitCode;

/** Reads hoist.yaml. */
final class LoadConfigStep implements Step {
  @Override
  public String name() {
    return "config";
  }

  @Override
  public void run(ReleaseContext ctx) {
    try {
      ctx.config = ConfigLoader.load(ctx.request.config());
    } catch (ConfigException e) {
      throw new ReleaseException(ExitCode.CONFIG, e.getMessage());
    }
    if (ctx.config.apps().isEmpty()) {
      throw new ReleaseException(
          ExitCode.CONFIG, ctx.config.file().getFileName() + ": apps: nothing to release");
    }
  }
}
