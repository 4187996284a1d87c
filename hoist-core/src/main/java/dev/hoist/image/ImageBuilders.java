package dev.hoist.image;

import dev.hoist.oci.Credentials;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where a release gets its {@link ImageBuilder}: Jib for real builds, a fixed fake in tests (ko's
 * build interface is the model). One builder is opened per release, with its progress and the
 * credentials for base images.
 */
@FunctionalInterface
public interface ImageBuilders {
  ImageBuilder open(Consumer<String> progress, Credentials baseCredentials);

  /** Jib, with its base-layer cache in {@code cache}. */
  static ImageBuilders jib(Path cache) {
    return (progress, credentials) -> new JibImageBuilder(cache, progress, credentials);
  }
}
