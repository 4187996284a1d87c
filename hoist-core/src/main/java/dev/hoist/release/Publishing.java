package dev.hoist.release;

import dev.hoist.image.ImageTarget;
import dev.hoist.oci.OciLayout;
import dev.hoist.oci.Repository;
import java.nio.file.Path;

/**
 * Where this release's content goes: repositories below a registry, or OCI layouts below a
 * directory. {@link #name(String)} is what overlays and Flux objects refer to, wherever the bytes
 * go.
 */
final class Publishing {
  private final String registry;
  private final Path layoutRoot;
  private final Registries.Client client;

  private Publishing(String registry, Path layoutRoot, Registries.Client client) {
    this.registry = registry;
    this.layoutRoot = layoutRoot;
    this.client = client;
  }

  /** Pushes to {@code registry} ({@code host[:port]/namespace}) through {@code client}. */
  static Publishing toRegistry(String registry, Registries.Client client) {
    return new Publishing(registry, null, client);
  }

  /** Writes OCI layouts under {@code dir}; names stay those of {@code registry}. */
  static Publishing toLayouts(String registry, Path dir) {
    return new Publishing(registry, dir, null);
  }

  /** The published name of a repository: {@code <registry>/<path>}. */
  String name(String path) {
    return registry + "/" + path;
  }

  Repository repository(String path) {
    return client != null ? client.repository(name(path)) : OciLayout.at(layoutRoot.resolve(path));
  }

  /**
   * Where an image goes: imported into the repository, a registry's through hoist's own client (its
   * retries, time budget and redaction), never pushed by Jib.
   */
  ImageTarget imageTarget(String path) {
    return ImageTarget.layout(repository(path));
  }

  /** Where the bytes went, for people: the registry, or the layout directory. */
  String location() {
    return client != null ? registry : layoutRoot.toString();
  }
}
