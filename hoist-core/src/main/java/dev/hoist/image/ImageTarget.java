package dev.hoist.image;

import dev.hoist.oci.Repository;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a built image goes: a registry repository, or any {@link Repository} such as a local OCI
 * layout.
 */
public sealed interface ImageTarget {

  /** A registry repository. */
  static Registry registry(String repository, boolean insecure) {
    return new Registry(repository, insecure, Optional::empty);
  }

  /** A repository the image is imported into (an OCI layout or any other {@link Repository}). */
  static Layout layout(Repository repository) {
    return new Layout(repository);
  }

  /**
   * A registry repository that Jib pushes to.
   *
   * @param repository {@code host[:port]/path}, without tag or digest
   * @param insecure allow plain HTTP and unverified TLS
   * @param credentials asked once per build; empty for anonymous access
   */
  record Registry(String repository, boolean insecure, Supplier<Optional<Credentials>> credentials)
      implements ImageTarget {
    public Registry {
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(credentials, "credentials");
      int slash = repository.indexOf('/');
      String host = slash < 0 ? "" : repository.substring(0, slash);
      if (!(host.contains(".") || host.contains(":") || host.equals("localhost"))
          || !repository
              .substring(slash + 1)
              .matches("[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*")) {
        throw new IllegalArgumentException(
            "image repository is not host[:port]/path: " + repository);
      }
    }
  }

  /**
   * A repository Jib's OCI tarball is imported into.
   *
   * @param repository the repository, usually a local OCI image layout
   */
  record Layout(Repository repository) implements ImageTarget {
    public Layout {
      Objects.requireNonNull(repository, "repository");
    }
  }

  /**
   * A single-platform OCI image tarball ({@code oci-archive}), written to a temporary sibling and
   * renamed.
   */
  static Tar tar(java.nio.file.Path file, String name) {
    return new Tar(file, name);
  }

  /**
   * An OCI image tarball file.
   *
   * @param file where the tarball goes
   * @param name the image's name and tag in the tarball ({@code REGISTRY/APP:VERSION}), what {@code
   *     docker load} and {@code skopeo copy docker-archive:} show
   */
  record Tar(java.nio.file.Path file, String name) implements ImageTarget {
    public Tar {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(name, "name");
    }
  }

  /** A registry user name and password. */
  record Credentials(String username, String password) {
    public Credentials {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Credentials[username=" + username + ", password=***]";
    }
  }
}
