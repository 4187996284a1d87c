package dev.hoist.release;

import dev.hoist.oci.Credentials;
import dev.hoist.oci.RegistryClient;
import dev.hoist.oci.Repository;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Opens registry repositories for a release: the destination's, and the third-party images' a
 * release pins. {@link #client()} is hoist's own client (retries, time budget, redaction); tests
 * give an in-memory registry or wrap the client in a decorator that records or fails calls.
 */
@FunctionalInterface
public interface Registries {

  /** Opens a client with {@code access}; one per use (the destination, the third-party pins). */
  Client open(Access access);

  /** Repositories by name. */
  @FunctionalInterface
  interface Client {
    /** The repository {@code host[:port]/path} (a tag or digest in the name is ignored). */
    Repository repository(String name);
  }

  /**
   * How a client reaches registries.
   *
   * @param credentials the credential chain for every registry
   * @param insecure plain HTTP to loopback registries
   * @param plainHttp registries ({@code host} or {@code host:port}) reached over plain HTTP
   * @param log retry notices, one line each, never with credentials
   */
  record Access(
      Credentials credentials, boolean insecure, Set<String> plainHttp, Consumer<String> log) {
    public Access {
      Objects.requireNonNull(credentials, "credentials");
      plainHttp = Set.copyOf(plainHttp);
      Objects.requireNonNull(log, "log");
    }
  }

  /** hoist's own registry client over java.net.http. */
  static Registries client() {
    return access -> {
      RegistryClient.Builder builder =
          RegistryClient.builder()
              .credentials(access.credentials())
              .insecure(access.insecure())
              .log(access.log());
      access.plainHttp().forEach(builder::insecureRegistry);
      RegistryClient client = builder.build();
      return name -> client.repository(name);
    };
  }
}
