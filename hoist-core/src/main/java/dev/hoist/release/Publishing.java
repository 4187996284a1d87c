package dev.hoist.release;

import dev.hoist.image.ImageTarget;
import dev.hoist.oci.Credentials;
import dev.hoist.oci.OciLayout;
import dev.hoist.oci.RegistryClient;
import dev.hoist.oci.Repository;
import dev.hoist.run.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Where this release's content goes: repositories below a registry, or OCI layouts below a
 * directory. {@link #name(String)} is what overlays and Flux objects refer to, wherever the bytes
 * go.
 */
final class Publishing {
  private final String registry;
  private final Path layoutRoot;
  private final RegistryClient client;
  private final boolean insecure;
  private final Credentials credentials;

  private Publishing(
      String registry,
      Path layoutRoot,
      RegistryClient client,
      boolean insecure,
      Credentials credentials) {
    this.registry = registry;
    this.layoutRoot = layoutRoot;
    this.client = client;
    this.insecure = insecure;
    this.credentials = credentials;
  }

  /** Pushes to {@code registry} ({@code host[:port]/namespace}). */
  static Publishing toRegistry(
      String registry, boolean insecure, Credentials credentials, Progress progress) {
    String host =
        registry.substring(
            0, registry.indexOf('/') < 0 ? registry.length() : registry.indexOf('/'));
    RegistryClient.Builder builder =
        RegistryClient.builder().credentials(credentials).insecure(insecure).log(progress::say);
    if (insecure) {
      builder.insecureRegistry(host);
    }
    return new Publishing(registry, null, builder.build(), insecure, credentials);
  }

  /** Writes OCI layouts under {@code dir}; names stay those of {@code registry}. */
  static Publishing toLayouts(String registry, Path dir) {
    return new Publishing(registry, dir, null, false, Credentials.none());
  }

  /** The published name of a repository: {@code <registry>/<path>}. */
  String name(String path) {
    return registry + "/" + path;
  }

  Repository repository(String path) {
    return client != null ? client.repository(name(path)) : OciLayout.at(layoutRoot.resolve(path));
  }

  ImageTarget imageTarget(String path) {
    if (client == null) {
      return ImageTarget.layout(repository(path));
    }
    String host = registry.contains("/") ? registry.substring(0, registry.indexOf('/')) : registry;
    return new ImageTarget.Registry(
        name(path),
        insecure,
        () -> {
          try {
            return credentials
                .find(host)
                .map(b -> new ImageTarget.Credentials(b.username(), b.password()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Where the bytes went, for people: the registry, or the layout directory. */
  String location() {
    return client != null ? registry : layoutRoot.toString();
  }
}
